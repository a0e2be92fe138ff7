package dev.eventide.fs;

import dev.eventide.errors.SystemError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventide.buffer.Bytes;
import dev.eventide.loop.NodeOracle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync calls on a real temporary tree: contents, flags, modes, Stats and directory walks. */
class FsTest {
    @TempDir
    Path tmp;

    private String p(String name) {
        return tmp.resolve(name).toString();
    }

    @Test
    void writeAppendAndReadFileWithEncodingsAndFlags() {
        Fs.writeFileSync(p("a.txt"), "héllo");
        Fs.appendFileSync(p("a.txt"), Bytes.from("!"));
        assertThat(Fs.readFileSync(p("a.txt"), "utf8")).isEqualTo("héllo!");
        assertThat(Fs.readFileSync(p("a.txt")).length()).isEqualTo(7);
        Fs.writeFileSync(p("h.txt"), "6869", FileOptions.encoding("hex"));
        assertThat(Fs.readFileSync(p("h.txt"), "latin1")).isEqualTo("hi");
        String b64 = Fs.readFileSync(p("h.txt"), FileOptions.encoding("base64"));
        assertThat(b64).isEqualTo("aGk=");
        assertThatThrownBy(() -> Fs.writeFileSync(p("h.txt"), "x", FileOptions.flag("wx")))
                .isInstanceOfSatisfying(SystemError.class, e -> assertThat(e.code()).isEqualTo("EEXIST"));
        Fs.writeFileSync(p("h.txt"), "!", FileOptions.flag("a"));
        assertThat(Fs.readFileSync(p("h.txt"), "utf8")).isEqualTo("hi!");
    }

    @Test
    void modeAppliesToNewFilesUnderTheUmask() {
        Fs.writeFileSync(p("m"), "x", FileOptions.defaults().withMode(0600));
        assertThat(Fs.statSync(p("m")).mode() & 0777).isEqualTo(0600);
        Fs.chmodSync(p("m"), 0640);
        assertThat(Fs.statSync(p("m")).mode()).isEqualTo(0100640);
    }

    @Test
    void fdCallsReadAndWriteAtPositions() {
        int fd = Fs.openSync(p("fd"), "w+");
        assertThat(fd).isGreaterThan(2);
        assertThat(Fs.writeSync(fd, "hello world")).isEqualTo(11);
        Bytes buf = Bytes.alloc(5);
        assertThat(Fs.readSync(fd, buf, 0, 5, 6)).isEqualTo(5);
        assertThat(buf.toString()).isEqualTo("world");
        Fs.writeSync(fd, Bytes.from("W"), 0, 1, 6);
        Fs.ftruncateSync(fd, 8);
        assertThat(Fs.fstatSync(fd).size()).isEqualTo(8);
        Fs.ftruncateSync(fd, 10);
        Fs.closeSync(fd);
        assertThat(Fs.readFileSync(p("fd")).toByteArray()).containsExactly('h', 'e', 'l', 'l', 'o', ' ', 'W', 'o', 0, 0);
        assertThatThrownBy(() -> Fs.closeSync(fd)).isInstanceOfSatisfying(SystemError.class,
                e -> assertThat(e.code()).isEqualTo("EBADF"));
    }

    @Test
    void appendFlagWritesAtTheEndWhateverThePosition() {
        Fs.writeFileSync(p("ap"), "abc");
        int fd = Fs.openSync(p("ap"), "a+");
        Fs.writeSync(fd, Bytes.from("d"), 0, 1, 0);
        Bytes b = Bytes.alloc(4);
        Fs.readSync(fd, b, 0, 4, 0);
        Fs.closeSync(fd);
        assertThat(b.toString()).isEqualTo("abcd");
    }

    @Test
    void statsHaveNodesFieldsAndTypes() throws Exception {
        Fs.writeFileSync(p("s"), "abc");
        Fs.symlinkSync("s", p("ln"));
        Stats s = Fs.statSync(p("s"));
        assertThat(s.isFile()).isTrue();
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.nlink()).isEqualTo(1);
        assertThat(Fs.lstatSync(p("ln")).isSymbolicLink()).isTrue();
        assertThat(Fs.statSync(p("ln")).ino()).isEqualTo(s.ino());
        assertThat(Fs.statSync(tmp.toString()).isDirectory()).isTrue();
        List<String> node = NodeOracle.stdout("const s=require('fs').statSync('" + p("s") + "');"
                + "console.log([s.dev,s.ino,s.mode,s.nlink,s.uid,s.gid,s.rdev,s.size,s.blksize,s.blocks,s.mtimeMs].join(' '))");
        if (node != null) {
            String[] n = node.getFirst().split(" ");
            assertThat(s.dev() + " " + s.ino() + " " + s.mode() + " " + s.nlink() + " " + s.uid() + " " + s.gid() + " "
                    + s.rdev() + " " + s.size() + " " + s.blksize() + " " + s.blocks())
                    .isEqualTo(String.join(" ", java.util.Arrays.copyOf(n, 10)));
            assertThat(s.mtimeMs()).isEqualTo(Double.parseDouble(n[10]));
        }
    }

    @Test
    void readdirListsNamesRecursivelyBreadthFirstAndWithTypes() throws Exception {
        Fs.mkdirSync(p("t/a/b"), true);
        Fs.writeFileSync(p("t/f"), "");
        Fs.writeFileSync(p("t/a/g"), "");
        Fs.symlinkSync("f", p("t/l"));
        assertThat(Fs.readdirSync(p("t"))).containsExactly("a", "f", "l");
        List<String> all = Fs.readdirSync(p("t"), true);
        assertThat(all).containsExactlyInAnyOrder("a", "f", "l", "a/b", "a/g");
        assertThat(all.indexOf("a/b")).isGreaterThan(all.indexOf("f"));
        List<Dirent> entries = Fs.readdirWithFileTypesSync(p("t"), false);
        Dirent l = entries.stream().filter(e -> e.name().equals("l")).findFirst().orElseThrow();
        assertThat(l.isSymbolicLink()).isTrue();
        assertThat(l.parentPath()).isEqualTo(p("t"));
        List<String> node = NodeOracle.stdout("console.log(require('fs').readdirSync('" + p("t")
                + "',{recursive:true}).join(','))");
        if (node != null) {
            assertThat(String.join(",", all)).isEqualTo(node.getFirst());
        }
    }

    @Test
    void mkdirRecursiveReturnsTheFirstDirectoryMade() {
        assertThat(Fs.mkdirSync(p("x/y/z"), true)).isEqualTo(p("x"));
        assertThat(Fs.mkdirSync(p("x/y/z"), true)).isNull();
        assertThat(Fs.mkdirSync(p("x/y/w"), true)).isEqualTo(p("x/y/w"));
        String t = Fs.mkdtempSync(p("tmp-"));
        assertThat(t).matches(java.util.regex.Pattern.quote(p("tmp-")) + "[A-Za-z0-9]{6}");
        assertThat(Fs.statSync(t).mode() & 0777).isEqualTo(0700);
    }

    @Test
    void rmCpRenameCopyAndLinks() throws Exception {
        Fs.mkdirSync(p("src/d"), true);
        Fs.writeFileSync(p("src/d/f"), "data");
        Fs.symlinkSync("d/f", p("src/link"));
        Fs.cpSync(p("src"), p("dst"), true);
        assertThat(Fs.readFileSync(p("dst/d/f"), "utf8")).isEqualTo("data");
        assertThat(Fs.readlinkSync(p("dst/link"))).isEqualTo("d/f");
        assertThatThrownBy(() -> Fs.cpSync(p("src"), p("src/d/in"), true))
                .isInstanceOfSatisfying(dev.eventide.errors.NodeError.class,
                        e -> assertThat(e.code()).isEqualTo("ERR_FS_CP_EINVAL"));
        Fs.copyFileSync(p("dst/d/f"), p("copy"));
        Fs.linkSync(p("copy"), p("hard"));
        assertThat(Fs.statSync(p("copy")).nlink()).isEqualTo(2);
        Fs.renameSync(p("hard"), p("moved"));
        assertThat(Fs.existsSync(p("hard"))).isFalse();
        assertThat(Fs.realpathSync(p("dst/link"))).isEqualTo(tmp.toRealPath().resolve("dst/d/f").toString());
        Fs.rmSync(p("dst"), true, false);
        assertThat(Files.exists(tmp.resolve("dst"))).isFalse();
        Fs.rmSync(p("nothing"), false, true);
        Fs.unlinkSync(p("moved"));
        Fs.mkdirSync(p("e"));
        Fs.rmdirSync(p("e"));
        assertThat(Files.exists(tmp.resolve("e"))).isFalse();
    }

    @Test
    void accessUtimesChownAndTruncate() {
        Fs.writeFileSync(p("u"), "12345");
        Fs.accessSync(p("u"), Fs.R_OK | Fs.W_OK);
        Fs.utimesSync(p("u"), 1_000_000.5, 2_000_000.25);
        assertThat(Fs.statSync(p("u")).mtimeMs()).isEqualTo(2_000_000_250.0);
        assertThat(Fs.statSync(p("u")).atimeMs()).isEqualTo(1_000_000_500.0);
        Fs.chownSync(p("u"), -1, -1);
        Fs.truncateSync(p("u"), 2);
        assertThat(Fs.readFileSync(p("u"), "utf8")).isEqualTo("12");
        assertThat(Fs.existsSync(p("u"))).isTrue();
        assertThat(Fs.existsSync(p("nope"))).isFalse();
    }
}
