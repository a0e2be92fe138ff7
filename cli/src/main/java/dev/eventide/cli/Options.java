package dev.eventide.cli;

import java.util.List;

/**
 * The launcher's command line: flags before the program, the program, and its arguments.
 * Parsed by hand on the main thread before anything else runs (see cli/README.md for why not
 * picocli). As in Node, everything after the program name belongs to the program.
 *
 * @param mode what to do
 * @param classPath the -cp value, or null
 * @param target the source file (SCRIPT) or the class name (CLASS); null for VERSION/HELP
 * @param args the program's arguments
 */
record Options(Mode mode, String classPath, String target, List<String> args) {

    enum Mode { SCRIPT, CLASS, VERSION, HELP, AOT_TRAINING }

    static final String USAGE = """
            Usage: eventide [options] <file.java> [args...]
                   eventide [options] -cp <path> <main class> [args...]

            Options:
              -cp, -classpath, --class-path <path>
                                 jars and folders (':'-separated) holding the program's classes
                                 and libraries; with a class name, runs that class
              --inspect[=[host:]port]
                                 start the JVM's debug agent (JDWP) on 127.0.0.1:9229, or the
                                 given port or host:port (all interfaces only if you name them)
              --inspect-brk[=[host:]port]
                                 as --inspect, and wait for the debugger before main runs
              --prof             record a JFR profile of the run; its path is printed on exit
              -v, --version      print Eventide's version
              -h, --help         print this help
              --                 end of options: what follows is the program
            """;

    /**
     * Flags that bin/eventide turns into JVM options before the JVM starts (the debug agent, a
     * JFR recording); here they are only accepted and skipped.
     */
    static boolean isJvmFlag(String arg) {
        return arg.equals("--inspect") || arg.startsWith("--inspect=") || arg.equals("--inspect-brk")
                || arg.startsWith("--inspect-brk=") || arg.equals("--prof");
    }

    static Options parse(List<String> argv) {
        String classPath = null;
        int i = 0;
        while (i < argv.size()) {
            String arg = argv.get(i);
            if (arg.equals("--")) {
                i++;
                break;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                break;
            }
            switch (arg) {
                case "-cp", "-classpath", "--class-path" -> {
                    if (i + 1 >= argv.size()) {
                        throw new UsageException(arg + " requires an argument");
                    }
                    classPath = argv.get(i + 1);
                    i += 2;
                    continue;
                }
                case "-v", "--version" -> {
                    return new Options(Mode.VERSION, null, null, List.of());
                }
                case "-h", "--help" -> {
                    return new Options(Mode.HELP, null, null, List.of());
                }
                case "--aot-training" -> {
                    return new Options(Mode.AOT_TRAINING, null, null, List.copyOf(argv.subList(i + 1, argv.size())));
                }
                default -> {
                    if (isJvmFlag(arg)) {
                        i++;
                        continue;
                    }
                    if (arg.startsWith("--class-path=")) {
                        classPath = arg.substring("--class-path=".length());
                        i++;
                        continue;
                    }
                    throw unknown(arg);
                }
            }
        }
        return program(classPath, argv.subList(i, argv.size()));
    }

    private static Options program(String classPath, List<String> rest) {
        if (rest.isEmpty()) {
            throw new UsageException("missing program to run\n\n" + USAGE);
        }
        String target = rest.getFirst();
        List<String> args = List.copyOf(rest.subList(1, rest.size()));
        // A name ending in .java is a source file even with -cp (then -cp holds its libraries),
        // as with `java -cp lib.jar App.java`; otherwise -cp means a packaged class.
        Mode mode = classPath == null || target.endsWith(".java") ? Mode.SCRIPT : Mode.CLASS;
        return new Options(mode, classPath, target, args);
    }

    private static UsageException unknown(String arg) {
        return new UsageException("bad option: " + arg);
    }

    /** A command line that cannot be run; Node exits with 9 (invalid argument) for these. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message, null, false, false);
        }
    }
}
