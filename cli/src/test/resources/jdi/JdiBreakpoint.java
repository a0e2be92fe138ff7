// A JDI client for InspectTest, run as `java JdiBreakpoint.java host port class line` (a source
// program, so the test module need not read jdk.jdi). It attaches to a JVM started by
// `bin/eventide --inspect-brk`, sets a breakpoint at class:line once the class is loaded,
// prints "hit class:line method x=<value of local x>" when the breakpoint is hit, and lets the
// program run to its end.
import com.sun.jdi.*;
import com.sun.jdi.connect.*;
import com.sun.jdi.event.*;
import com.sun.jdi.request.*;
import java.util.Map;

public class JdiBreakpoint {
    public static void main(String[] args) throws Exception {
        String host = args[0], port = args[1], className = args[2];
        int line = Integer.parseInt(args[3]);
        VirtualMachine vm = attach(host, port);
        ClassPrepareRequest prepare = vm.eventRequestManager().createClassPrepareRequest();
        prepare.addClassFilter(className);
        prepare.enable();
        vm.resume();
        boolean hit = false;
        try {
            while (true) {
                EventSet events = vm.eventQueue().remove(60_000);
                if (events == null) {
                    System.out.println("timeout");
                    return;
                }
                for (Event e : events) {
                    if (e instanceof ClassPrepareEvent cp) {
                        Location where = cp.referenceType().locationsOfLine(line).get(0);
                        vm.eventRequestManager().createBreakpointRequest(where).enable();
                    } else if (e instanceof BreakpointEvent bp && !hit) {
                        hit = true;
                        StackFrame frame = bp.thread().frame(0);
                        LocalVariable x = frame.visibleVariableByName("x");
                        System.out.println("hit " + className + ":" + bp.location().lineNumber() + " "
                                + bp.location().method().name() + " x=" + (x == null ? "?" : frame.getValue(x))
                                + " thread=" + bp.thread().name());
                    } else if (e instanceof VMDeathEvent || e instanceof VMDisconnectEvent) {
                        return;
                    }
                }
                events.resume();
            }
        } catch (VMDisconnectedException done) {
            // The program ended.
        }
    }

    private static VirtualMachine attach(String host, String port) throws Exception {
        AttachingConnector socket = Bootstrap.virtualMachineManager().attachingConnectors().stream()
                .filter(c -> c.transport().name().equals("dt_socket")).findFirst().orElseThrow();
        Map<String, Connector.Argument> arguments = socket.defaultArguments();
        arguments.get("hostname").setValue(host);
        arguments.get("port").setValue(port);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try {
                return socket.attach(arguments);
            } catch (java.io.IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }
}
