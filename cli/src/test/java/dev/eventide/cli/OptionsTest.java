package dev.eventide.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The launcher's hand-written flag parser: flags before the program, Node's rule after it. */
class OptionsTest {

    @Test
    void scriptAndItsArgumentsAreSplitAtTheFirstNonFlag() {
        var options = Options.parse(List.of("app.java", "a", "--inspect", "-cp"));
        assertThat(options.mode()).isEqualTo(Options.Mode.SCRIPT);
        assertThat(options.target()).isEqualTo("app.java");
        assertThat(options.args()).containsExactly("a", "--inspect", "-cp");
    }

    @Test
    void doubleDashEndsTheFlagsEvenBeforeANameStartingWithADash() {
        var options = Options.parse(List.of("--", "-odd.java", "x"));
        assertThat(options.target()).isEqualTo("-odd.java");
        assertThat(options.args()).containsExactly("x");
    }

    @Test
    void classPathWithAClassNameRunsAPackagedClass() {
        for (String flag : List.of("-cp", "-classpath", "--class-path")) {
            var options = Options.parse(List.of(flag, "app.jar", "com.example.Main", "1"));
            assertThat(options.mode()).isEqualTo(Options.Mode.CLASS);
            assertThat(options.classPath()).isEqualTo("app.jar");
            assertThat(options.target()).isEqualTo("com.example.Main");
            assertThat(options.args()).containsExactly("1");
        }
    }

    @Test
    void classPathWithASourceFileGivesTheScriptItsLibraries() {
        var options = Options.parse(List.of("--class-path=lib.jar", "app.java"));
        assertThat(options.mode()).isEqualTo(Options.Mode.SCRIPT);
        assertThat(options.classPath()).isEqualTo("lib.jar");
    }

    @Test
    void unknownFlagIsABadOption() {
        assertThatThrownBy(() -> Options.parse(List.of("--frobnicate", "app.java")))
                .isInstanceOf(Options.UsageException.class)
                .hasMessage("bad option: --frobnicate");
    }

    @Test
    void debugAndProfileFlagsAreAcceptedBeforeTheProgramAndLeftToTheScript() {
        var options = Options.parse(List.of("--inspect=9229", "--inspect-brk", "--inspect", "--prof",
                "--inspect-brk=0.0.0.0:9000", "app.java", "--prof"));
        assertThat(options.mode()).isEqualTo(Options.Mode.SCRIPT);
        assertThat(options.target()).isEqualTo("app.java");
        assertThat(options.args()).containsExactly("--prof");
        assertThatThrownBy(() -> Options.parse(List.of("--inspector", "app.java"))).hasMessage("bad option: --inspector");
    }

    @Test
    void missingProgramOrFlagValueIsAUsageError() {
        assertThatThrownBy(() -> Options.parse(List.of())).hasMessageStartingWith("missing program to run");
        assertThatThrownBy(() -> Options.parse(List.of("-cp"))).hasMessage("-cp requires an argument");
    }

    @Test
    void versionAndHelpNeedNoProgram() {
        assertThat(Options.parse(List.of("-v")).mode()).isEqualTo(Options.Mode.VERSION);
        assertThat(Options.parse(List.of("--help")).mode()).isEqualTo(Options.Mode.HELP);
    }
}
