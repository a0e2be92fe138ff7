package dev.eventide.cli;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * The launch protocol of JDK 25 (JEP 512, JLS 12.1.4), as the {@code java} launcher applies
 * it: a {@code main(String[])} first, else a {@code main()}, each searched in the class, then
 * its interfaces' default methods, then its superclasses; the method must return void and not
 * be private. An instance main needs a non-private no-argument constructor. (JDK 25 ranks the
 * parameter list before static-ness: a class with {@code static main()} and an instance
 * {@code main(String[])} runs the latter, as {@code java} does.)
 * Looked up on the main thread; the returned task runs on the loop thread as its first task,
 * so that class initialisation and field initialisers run inside the loop.
 */
final class MainMethods {
    private MainMethods() {}

    /** The program's main as the loop's first task, or a LaunchException saying what is missing. */
    static Runnable entryPoint(Class<?> type, String[] args) {
        Method main = find(type, true);
        if (main == null) {
            main = find(type, false);
        }
        if (main == null) {
            throw new LaunchException("can't find main(String[]) or main() method in class: " + type.getName());
        }
        main.setAccessible(true);
        Method chosen = main;
        Object[] params = main.getParameterCount() == 1 ? new Object[] {args} : new Object[0];
        if (Modifier.isStatic(main.getModifiers())) {
            return () -> invoke(chosen, null, params);
        }
        Constructor<?> constructor = noArgConstructor(type);
        return () -> invoke(chosen, construct(constructor), params);
    }

    private static Method find(Class<?> type, boolean withArgs) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Method m = declared(c, withArgs);
            if (m == null) {
                m = inInterfaces(c, withArgs);
            }
            if (m != null) {
                return valid(m) ? m : null;
            }
        }
        return null;
    }

    private static Method inInterfaces(Class<?> type, boolean withArgs) {
        for (Class<?> i : type.getInterfaces()) {
            Method m = declared(i, withArgs);
            if (m != null && m.isDefault()) {
                return m;
            }
            m = inInterfaces(i, withArgs);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    private static Method declared(Class<?> type, boolean withArgs) {
        try {
            return withArgs ? type.getDeclaredMethod("main", String[].class) : type.getDeclaredMethod("main");
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static boolean valid(Method m) {
        return m.getReturnType() == void.class && !Modifier.isPrivate(m.getModifiers());
    }

    private static Constructor<?> noArgConstructor(Class<?> type) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            if (!Modifier.isPrivate(constructor.getModifiers()) && !Modifier.isAbstract(type.getModifiers())) {
                constructor.setAccessible(true);
                return constructor;
            }
        } catch (NoSuchMethodException e) {
            // fall through to the launcher's message
        }
        throw new LaunchException("can't find no argument constructor in class: " + type.getName());
    }

    private static Object construct(Constructor<?> constructor) {
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw sneaky(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new LaunchException(e.toString());
        }
    }

    private static void invoke(Method main, Object receiver, Object[] params) {
        try {
            main.invoke(receiver, params);
        } catch (InvocationTargetException e) {
            // The program's own exception goes to the loop unwrapped, as if main were called directly.
            throw sneaky(e.getCause());
        } catch (IllegalAccessException e) {
            throw new LaunchException(e.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }

    /** A program that cannot be started; reported as "error: ..." with exit code 1. */
    static final class LaunchException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LaunchException(String message) {
            super(message, null, false, false);
        }
    }
}
