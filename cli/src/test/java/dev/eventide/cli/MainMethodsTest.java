package dev.eventide.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JDK 25's launch protocol (JEP 512), checked on small classes declared here. */
class MainMethodsTest {
    static final List<String> CALLS = new ArrayList<>();

    @BeforeEach
    void clear() {
        CALLS.clear();
    }

    static class Classic {
        public static void main(String[] args) {
            CALLS.add("static main(String[]) " + List.of(args));
        }
    }

    static class StaticNoArgs {
        static void main() {
            CALLS.add("static main()");
        }
    }

    static class InstanceNoArgs {
        InstanceNoArgs() {
            CALLS.add("constructed");
        }

        void main() {
            CALLS.add("instance main()");
        }
    }

    static class StaticNoArgsAndInstanceWithArgs {
        static void main() {
            CALLS.add("static main()");
        }

        void main(String[] args) {
            CALLS.add("instance main(String[])");
        }
    }

    static class Base {
        void main(String[] args) {
            CALLS.add("inherited main(String[]) " + args.length);
        }
    }

    static class Derived extends Base {}

    static class PrivateOnly {
        private static void main(String[] args) {
            CALLS.add("must not run");
        }
    }

    static class NoUsableConstructor {
        private NoUsableConstructor() {}

        void main() {
            CALLS.add("must not run");
        }
    }

    @Test
    void classicStaticMainGetsTheArguments() {
        MainMethods.entryPoint(Classic.class, new String[] {"a", "b"}).run();
        assertThat(CALLS).containsExactly("static main(String[]) [a, b]");
    }

    @Test
    void staticMainWithoutParametersRuns() {
        MainMethods.entryPoint(StaticNoArgs.class, new String[0]).run();
        assertThat(CALLS).containsExactly("static main()");
    }

    @Test
    void instanceMainIsConstructedInsideTheTaskNotBefore() {
        Runnable main = MainMethods.entryPoint(InstanceNoArgs.class, new String[0]);
        assertThat(CALLS).isEmpty();
        main.run();
        assertThat(CALLS).containsExactly("constructed", "instance main()");
    }

    @Test
    void aStringArrayParameterWinsOverStaticnessAsTheJavaLauncherDoes() {
        MainMethods.entryPoint(StaticNoArgsAndInstanceWithArgs.class, new String[0]).run();
        assertThat(CALLS).containsExactly("instance main(String[])");
    }

    @Test
    void inheritedInstanceMainRuns() {
        MainMethods.entryPoint(Derived.class, new String[] {"x"}).run();
        assertThat(CALLS).containsExactly("inherited main(String[]) 1");
    }

    @Test
    void privateMainIsNotAMain() {
        assertThatThrownBy(() -> MainMethods.entryPoint(PrivateOnly.class, new String[0]))
                .isInstanceOf(MainMethods.LaunchException.class)
                .hasMessageContaining("can't find main(String[]) or main() method in class: " + PrivateOnly.class.getName());
    }

    @Test
    void instanceMainNeedsANonPrivateNoArgumentConstructor() {
        assertThatThrownBy(() -> MainMethods.entryPoint(NoUsableConstructor.class, new String[0]))
                .hasMessageContaining("can't find no argument constructor");
    }

    @Test
    void theProgramsOwnExceptionIsThrownUnwrapped() {
        class Thrower {
            static void main() throws Exception {
                throw new java.io.IOException("boom");
            }
        }
        Runnable main = MainMethods.entryPoint(Thrower.class, new String[0]);
        assertThatThrownBy(main::run).isInstanceOf(java.io.IOException.class).hasMessage("boom");
    }
}
