package dev.eventide.fs;

import dev.eventide.errors.SystemError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventide.errors.NodeError;
import dev.eventide.loop.NodeOracle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Error shape of the sync calls, compared with node 20: for each failing call the code, errno,
 * syscall, path, dest and message must be what node prints for the same call on the same tree.
 * The expected lines are also written here, so the test means something without node.
 */
class FsErrorsNodeTest {
    @TempDir
    Path tmp;
    String d;

    @BeforeEach
    void tree() throws Exception {
        d = tmp.toString();
        Files.createDirectories(tmp.resolve("sub"));
        Files.createDirectories(tmp.resolve("full"));
        Files.writeString(tmp.resolve("f"), "hi\n");
        Files.writeString(tmp.resolve("full/a"), "x\n");
        Files.createSymbolicLink(tmp.resolve("loop1"), Path.of("loop2"));
        Files.createSymbolicLink(tmp.resolve("loop2"), Path.of("loop1"));
    }

    /** Case name -> [JavaScript call, Java call]; paths are relative to the tree, joined with D. */
    private Map<String, Object[]> cases() {
        Map<String, Object[]> m = new LinkedHashMap<>();
        m.put("readFile missing", c("fs.readFileSync(D+'/none')", () -> Fs.readFileSync(d + "/none")));
        m.put("readFile dir", c("fs.readFileSync(D+'/sub')", () -> Fs.readFileSync(d + "/sub")));
        m.put("open wx exists", c("fs.openSync(D+'/f','wx')", () -> Fs.openSync(d + "/f", "wx")));
        m.put("mkdir exists", c("fs.mkdirSync(D+'/f')", () -> Fs.mkdirSync(d + "/f")));
        m.put("mkdir no parent", c("fs.mkdirSync(D+'/none/x')", () -> Fs.mkdirSync(d + "/none/x")));
        m.put("mkdir -p through file", c("fs.mkdirSync(D+'/f/a/b',{recursive:true})",
                () -> Fs.mkdirSync(d + "/f/a/b", true)));
        m.put("mkdir -p on file", c("fs.mkdirSync(D+'/f',{recursive:true})", () -> Fs.mkdirSync(d + "/f", true)));
        m.put("rmdir not empty", c("fs.rmdirSync(D+'/full')", () -> Fs.rmdirSync(d + "/full")));
        m.put("rmdir file", c("fs.rmdirSync(D+'/f')", () -> Fs.rmdirSync(d + "/f")));
        m.put("rmdir missing", c("fs.rmdirSync(D+'/none')", () -> Fs.rmdirSync(d + "/none")));
        m.put("unlink dir", c("fs.unlinkSync(D+'/sub')", () -> Fs.unlinkSync(d + "/sub")));
        m.put("unlink missing", c("fs.unlinkSync(D+'/none')", () -> Fs.unlinkSync(d + "/none")));
        m.put("readdir file", c("fs.readdirSync(D+'/f')", () -> Fs.readdirSync(d + "/f")));
        m.put("readdir missing", c("fs.readdirSync(D+'/none')", () -> Fs.readdirSync(d + "/none")));
        m.put("open through file", c("fs.readFileSync(D+'/f/x')", () -> Fs.readFileSync(d + "/f/x")));
        m.put("rename missing", c("fs.renameSync(D+'/none',D+'/x')", () -> Fs.renameSync(d + "/none", d + "/x")));
        m.put("rename onto non-empty", c("fs.renameSync(D+'/sub',D+'/full')",
                () -> Fs.renameSync(d + "/sub", d + "/full")));
        m.put("rename file onto dir", c("fs.renameSync(D+'/f',D+'/sub')", () -> Fs.renameSync(d + "/f", d + "/sub")));
        m.put("rename dir onto file", c("fs.renameSync(D+'/sub',D+'/f')", () -> Fs.renameSync(d + "/sub", d + "/f")));
        m.put("copyFile excl", c("fs.copyFileSync(D+'/f',D+'/full/a',fs.constants.COPYFILE_EXCL)",
                () -> Fs.copyFileSync(d + "/f", d + "/full/a", Fs.COPYFILE_EXCL)));
        m.put("copyFile missing", c("fs.copyFileSync(D+'/none',D+'/x')", () -> Fs.copyFileSync(d + "/none", d + "/x")));
        m.put("copyFile onto dir", c("fs.copyFileSync(D+'/f',D+'/sub')", () -> Fs.copyFileSync(d + "/f", d + "/sub")));
        m.put("symlink loop", c("fs.readFileSync(D+'/loop1')", () -> Fs.readFileSync(d + "/loop1")));
        m.put("stat missing", c("fs.statSync(D+'/none')", () -> Fs.statSync(d + "/none")));
        m.put("lstat missing", c("fs.lstatSync(D+'/none')", () -> Fs.lstatSync(d + "/none")));
        m.put("access missing", c("fs.accessSync(D+'/none')", () -> Fs.accessSync(d + "/none")));
        m.put("readlink not a link", c("fs.readlinkSync(D+'/f')", () -> Fs.readlinkSync(d + "/f")));
        m.put("symlink exists", c("fs.symlinkSync('x',D+'/f')", () -> Fs.symlinkSync("x", d + "/f")));
        m.put("link exists", c("fs.linkSync(D+'/f',D+'/full/a')", () -> Fs.linkSync(d + "/f", d + "/full/a")));
        m.put("realpath missing", c("fs.realpathSync(D+'/none')", () -> Fs.realpathSync(d + "/none")));
        m.put("rm dir", c("fs.rmSync(D+'/sub')", () -> Fs.rmSync(d + "/sub")));
        m.put("rm missing", c("fs.rmSync(D+'/none')", () -> Fs.rmSync(d + "/none")));
        m.put("writeFile dir", c("fs.writeFileSync(D+'/sub','x')", () -> Fs.writeFileSync(d + "/sub", "x")));
        m.put("appendFile dir", c("fs.appendFileSync(D+'/sub','x')", () -> Fs.appendFileSync(d + "/sub", "x")));
        m.put("truncate missing", c("fs.truncateSync(D+'/none')", () -> Fs.truncateSync(d + "/none", 0)));
        m.put("chmod missing", c("fs.chmodSync(D+'/none',0o644)", () -> Fs.chmodSync(d + "/none", 0644)));
        m.put("chown missing", c("fs.chownSync(D+'/none',0,0)", () -> Fs.chownSync(d + "/none", 0, 0)));
        m.put("utimes missing", c("fs.utimesSync(D+'/none',1,1)", () -> Fs.utimesSync(d + "/none", 1, 1)));
        m.put("mkdtemp missing", c("fs.mkdtempSync(D+'/none/x-')", () -> Fs.mkdtempSync(d + "/none/x-")));
        m.put("fstat bad fd", c("fs.fstatSync(999)", () -> Fs.fstatSync(999)));
        m.put("close bad fd", c("fs.closeSync(999)", () -> Fs.closeSync(999)));
        return m;
    }

    private static Object[] c(String js, Runnable java) {
        return new Object[] {js, java};
    }

    private static String line(String name, Throwable e) {
        if (!(e instanceof SystemError s)) {
            return name + " | " + e;
        }
        return String.join(" | ", name, s.code(), String.valueOf(s.errno()), s.syscall(), rel(s.path()),
                rel(s.dest()), s.getMessage());
    }

    private static String rel(String p) {
        return p == null ? "-" : p;
    }

    private List<String> javaLines() {
        List<String> out = new ArrayList<>();
        cases().forEach((name, c) -> {
            try {
                ((Runnable) c[1]).run();
                out.add(name + " | OK");
            } catch (RuntimeException e) {
                out.add(line(name, e).replace(d, "D"));
            }
        });
        return out;
    }

    private String nodeScript() {
        StringBuilder js = new StringBuilder("const fs=require('fs'); const D=" + "'" + d + "';\n");
        js.append("const show=(n,f)=>{try{f();console.log(n+' | OK')}catch(e){console.log([n,e.code,e.errno,e.syscall,"
                + "e.path??'-',e.dest??'-',e.message].join(' | ').split(D).join('D'))}};\n");
        cases().forEach((name, c) -> js.append("show('").append(name).append("',()=>").append(c[0]).append(");\n"));
        return js.toString();
    }

    @Test
    void everyErrorHasNodesCodeErrnoSyscallPathsAndMessage() {
        List<String> java = javaLines();
        assertThat(java).contains(
                "readFile missing | ENOENT | -2 | open | D/none | - | ENOENT: no such file or directory, open 'D/none'",
                "readFile dir | EISDIR | -21 | read | - | - | EISDIR: illegal operation on a directory, read",
                "rmdir not empty | ENOTEMPTY | -39 | rmdir | D/full | - | ENOTEMPTY: directory not empty, rmdir 'D/full'",
                "rename missing | ENOENT | -2 | rename | D/none | D/x | ENOENT: no such file or directory, rename 'D/none' -> 'D/x'",
                "symlink loop | ELOOP | -40 | open | D/loop1 | - | ELOOP: too many symbolic links encountered, open 'D/loop1'",
                "fstat bad fd | EBADF | -9 | fstat | - | - | EBADF: bad file descriptor, fstat");
        List<String> node = NodeOracle.stdout(nodeScript());
        if (node != null) {
            assertThat(java).containsExactlyElementsOf(node);
        }
    }

    @Test
    void rmOfADirectoryIsNodesErrFsEisdirWithAPositiveErrnoAndAnInfoObject() {
        assertThatThrownBy(() -> Fs.rmSync(d + "/sub")).isInstanceOfSatisfying(SystemError.class, e -> {
            assertThat(e.code()).isEqualTo("ERR_FS_EISDIR");
            assertThat(e.errno()).isEqualTo(21);
            assertThat(e.getMessage()).isEqualTo("Path is a directory: rm returned EISDIR (is a directory) " + d + "/sub");
            assertThat(e.info()).containsEntry("code", "EISDIR").containsEntry("syscall", "rm")
                    .containsEntry("message", "is a directory").containsEntry("errno", 21);
        });
    }

    @Test
    void badArgumentsAreNodesArgumentErrors() {
        assertThatThrownBy(() -> Fs.readFileSync(null)).isInstanceOfSatisfying(NodeError.class,
                e -> assertThat(e.code()).isEqualTo("ERR_INVALID_ARG_TYPE"));
        assertThatThrownBy(() -> Fs.readFileSync("a\0b")).isInstanceOfSatisfying(NodeError.class, e -> {
            assertThat(e.code()).isEqualTo("ERR_INVALID_ARG_VALUE");
            assertThat(e.getMessage()).isEqualTo("The argument 'path' must be a string, Uint8Array, or URL without null bytes. Received 'a\\x00b'");
        });
        assertThatThrownBy(() -> Fs.openSync(d + "/f", "zz")).isInstanceOfSatisfying(NodeError.class,
                e -> assertThat(e.getMessage()).isEqualTo("The argument 'flags' is invalid. Received 'zz'"));
        assertThatThrownBy(() -> Fs.writeFileSync(d + "/g", 42)).isInstanceOfSatisfying(NodeError.class,
                e -> assertThat(e.code()).isEqualTo("ERR_INVALID_ARG_TYPE"));
    }
}
