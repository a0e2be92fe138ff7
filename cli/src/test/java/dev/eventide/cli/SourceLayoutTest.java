package dev.eventide.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Finding the package root of a launched file (JEP 458) and hiding its shebang line. */
class SourceLayoutTest {

    @Test
    void packageNameIsReadPastCommentsAndAShebang() {
        String text = "#!/usr/bin/env eventide\n/* header */\n// line\npackage  com . example ;\nclass A {}";
        assertThat(SourceLayout.packageName(text)).isEqualTo("com.example");
        assertThat(SourceLayout.packageName("import module dev.eventide;\nvoid main() {}")).isEmpty();
        assertThat(SourceLayout.packageName("packages x;")).isEmpty();
    }

    @Test
    void packageRootIsTheFolderAboveThePackageFolders() {
        Path file = Path.of("/src/com/example/App.java");
        assertThat(SourceLayout.packageRoot(file, "package com.example;")).isEqualTo(Path.of("/src"));
        assertThat(SourceLayout.packageRoot(file, "class App {}")).isEqualTo(Path.of("/src/com/example"));
    }

    @Test
    void packageThatDoesNotMatchTheFoldersHasNoRoot() {
        assertThat(SourceLayout.packageRoot(Path.of("/src/other/App.java"), "package com.example;")).isNull();
    }

    @Test
    void shebangLineIsBlankedKeepingLineNumbers() {
        assertThat(SourceLayout.blankShebang("#!/x\nvoid main() {}")).isEqualTo("\nvoid main() {}");
        assertThat(SourceLayout.blankShebang("void main() {}")).isEqualTo("void main() {}");
    }
}
