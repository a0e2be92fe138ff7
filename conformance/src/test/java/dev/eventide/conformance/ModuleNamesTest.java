package dev.eventide.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventide.loop.EventLoop;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves that {@code import module dev.eventide;} works in a compact source file: every public
 * top-level type of the module's exported packages has a simple name that is unique within the
 * module and clashes with no public type of java.base (which compact source files import too).
 */
class ModuleNamesTest {
    private static Path coreLocation() throws Exception {
        return Path.of(EventLoop.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Simple name to fully qualified name, for every public top-level type the module exports. */
    private static Map<String, List<String>> exportedTypes() throws Exception {
        Path core = coreLocation();
        ModuleDescriptor descriptor = ModuleFinder.of(core).find("dev.eventide").orElseThrow().descriptor();
        Set<String> exported = new TreeSet<>();
        descriptor.exports().stream().filter(e -> !e.isQualified()).forEach(e -> exported.add(e.source()));
        Map<String, List<String>> names = new TreeMap<>();
        for (String fqcn : classNames(core)) {
            String pkg = fqcn.substring(0, fqcn.lastIndexOf('.'));
            if (!exported.contains(pkg) || fqcn.contains("$")) {
                continue;
            }
            Class<?> c = Class.forName(fqcn, false, ModuleNamesTest.class.getClassLoader());
            if (Modifier.isPublic(c.getModifiers())) {
                names.computeIfAbsent(c.getSimpleName(), k -> new ArrayList<>()).add(fqcn);
            }
        }
        return names;
    }

    private static List<String> classNames(Path core) throws IOException {
        if (Files.isDirectory(core)) {
            try (Stream<Path> files = Files.walk(core)) {
                return files.filter(p -> p.toString().endsWith(".class"))
                        .map(p -> core.relativize(p).toString())
                        .filter(n -> !n.equals("module-info.class"))
                        .map(n -> n.substring(0, n.length() - 6).replace('/', '.')).toList();
            }
        }
        try (FileSystem jar = FileSystems.newFileSystem(core)) {
            Path top = jar.getPath("/");
            try (Stream<Path> files = Files.walk(top)) {
                return files.map(p -> top.relativize(p).toString())
                        .filter(n -> n.endsWith(".class") && !n.endsWith("module-info.class"))
                        .map(n -> n.substring(0, n.length() - 6).replace('/', '.')).toList();
            }
        }
    }

    @Test
    void everyPublicSimpleNameIsUniqueInTheModule() throws Exception {
        Map<String, List<String>> names = exportedTypes();
        assertThat(names).isNotEmpty().containsKey("EventLoop");
        names.forEach((simple, types) -> assertThat(types).as("types named " + simple).hasSize(1));
    }

    @Test
    void noPublicSimpleNameClashesWithJavaBase() throws Exception {
        Map<String, List<String>> names = exportedTypes();
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        Set<String> clashes = new TreeSet<>();
        for (String pkg : ModuleLayer.boot().findModule("java.base").orElseThrow().getDescriptor().exports()
                .stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source).toList()) {
            for (String simple : names.keySet()) {
                Path file = jrt.getPath("/modules/java.base", pkg.replace('.', '/'), simple + ".class");
                if (Files.exists(file)) {
                    Class<?> c = Class.forName(pkg + "." + simple, false, null);
                    if (Modifier.isPublic(c.getModifiers())) {
                        clashes.add(simple + " (java.base " + pkg + ")");
                    }
                }
            }
        }
        assertThat(clashes).as("public names that java.base also exports").isEmpty();
    }

    @Test
    void aCompactSourceFileUsingEveryPublicNameCompiles(@TempDir Path dir) throws Exception {
        Map<String, List<String>> names = exportedTypes();
        StringBuilder src = new StringBuilder("import module dev.eventide;\n\nvoid main() {\n    Class<?>[] all = {\n");
        for (String simple : names.keySet()) {
            src.append("        ").append(simple).append(".class,\n");
        }
        src.append("    };\n    System.out.println(all.length);\n}\n");
        Path file = dir.resolve("AllNames.java");
        Files.writeString(file, src);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter out = new StringWriter();
        boolean ok = javac.getTask(out, null, null,
                List.of("-d", dir.resolve("out").toString(), "--module-path", coreLocation().toString(),
                        "--add-modules", "dev.eventide", "-Xlint:none"),
                null, javac.getStandardFileManager(null, null, null).getJavaFileObjects(file)).call();
        assertThat(ok).as("javac output:\n" + out).isTrue();
    }
}
