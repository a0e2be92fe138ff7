package dev.eventide.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventide.loop.NodeOracle;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The error catalogue: codes and Node's message shapes, compared with node's own errors. */
class ErrorsTest {
    @Test
    void invalidArgTypeDescribesTheReceivedValueAsNode() {
        List<String> messages = List.of(
                Errors.invalidArgType("n", "of type string", null).getMessage(),
                Errors.invalidArgType("n", "of type string", 5).getMessage(),
                Errors.invalidArgType("n", "of type string", 5.0).getMessage(),
                Errors.invalidArgType("n", "of type string", 1.5).getMessage(),
                Errors.invalidArgType("n", "of type string", true).getMessage(),
                Errors.invalidArgType("n", "of type function", "abcdefghijklmnopqrstuvwxyz12").getMessage(),
                Errors.invalidArgType("n", "of type function", "abcdefghijklmnopqrstuvwxyz123").getMessage());
        List<String> expected = List.of(
                "The \"n\" argument must be of type string. Received null",
                "The \"n\" argument must be of type string. Received type number (5)",
                "The \"n\" argument must be of type string. Received type number (5)",
                "The \"n\" argument must be of type string. Received type number (1.5)",
                "The \"n\" argument must be of type string. Received type boolean (true)",
                "The \"n\" argument must be of type function. Received type string ('abcdefghijklmnopqrstuvwxyz12')",
                "The \"n\" argument must be of type function. Received type string ('abcdefghijklmnopqrstuvwxy...')");
        assertThat(messages).containsExactlyElementsOf(expected);
        NodeOracle.assertNodePrints("""
                const rename = m => m.replace('"path"', '"n"').replace('"callback"', '"n"');
                for (const v of [null, 5, 5.0, 1.5, true]) {
                  try { require('path').join(v); } catch (e) { console.log(rename(e.message)); }
                }
                for (const v of ['abcdefghijklmnopqrstuvwxyz12', 'abcdefghijklmnopqrstuvwxyz123']) {
                  try { setTimeout(v); } catch (e) { console.log(rename(e.message)); }
                }
                """, expected);
        assertThat(Errors.invalidArgType("n", "x", new Object()).getMessage()).endsWith("Received an instance of Object");
        assertThat(Errors.invalidArgType("n", "x", 1).code()).isEqualTo("ERR_INVALID_ARG_TYPE");
    }

    @Test
    void outOfRangeSeparatesTheDigitsOfLargeIntegersAsNode() {
        assertThat(Errors.outOfRange("n", ">= 0", 5_000_000_000L).getMessage())
                .isEqualTo("The value of \"n\" is out of range. It must be >= 0. Received 5_000_000_000");
        assertThat(Errors.outOfRange("n", ">= 0", -5_000_000_000L).getMessage()).endsWith("Received -5_000_000_000");
        assertThat(Errors.outOfRange("n", ">= 0", 4_294_967_297L).getMessage()).endsWith("Received 4_294_967_297");
        assertThat(Errors.outOfRange("n", ">= 0", 4_294_967_296L).getMessage()).endsWith("Received 4294967296");
        assertThat(Errors.outOfRange("n", ">= 0", 4_294_967_295L).getMessage()).endsWith("Received 4294967295");
        assertThat(Errors.outOfRange("n", ">= 0", 1.5).getMessage()).endsWith("Received 1.5");
        assertThat(Errors.outOfRange("n", ">= 0", -1).code()).isEqualTo("ERR_OUT_OF_RANGE");
        NodeOracle.assertNodePrints("""
                for (const v of [5000000000, -5000000000, 4294967297, 4294967296, 4294967295, 1.5]) {
                  try { Buffer.alloc(1).readUInt8(v); } catch (e) { console.log(e.message.split('Received ')[1]); }
                }
                """, List.of("5_000_000_000", "-5_000_000_000", "4_294_967_297", "4294967296", "4294967295", "1.5"));
    }

    @Test
    void invalidArgValueSaysPropertyForDottedNamesAndShowsTheValue() {
        assertThat(Errors.invalidArgValue("a.b", "x", "is invalid").getMessage())
                .isEqualTo("The property 'a.b' is invalid. Received 'x'");
        assertThat(Errors.invalidArgValue("ab", "x", "must be good").getMessage())
                .isEqualTo("The argument 'ab' must be good. Received 'x'");
        assertThat(Errors.invalidArgValue("ab", 3, "is invalid").getMessage())
                .isEqualTo("The argument 'ab' is invalid. Received 3");
        assertThat(Errors.invalidArgValue("ab", null, "is invalid").code()).isEqualTo("ERR_INVALID_ARG_VALUE");
        NodeOracle.assertNodePrints("""
                try { require('fs').openSync('/nonexistent', 'zz'); } catch (e) { console.log(e.message); }
                """, List.of("The argument 'flags' is invalid. Received 'zz'"));
    }

    @Test
    void theValidatorsThrowTheirCodesAndPassGoodValuesThrough() {
        Object o = new Object();
        assertThat(Errors.requireNonNull(o, "v", "an object")).isSameAs(o);
        assertThat(Errors.requireFunction(o, "cb")).isSameAs(o);
        assertThat(Errors.requireRange(5, "n", 0, 10)).isEqualTo(5);
        assertThatThrownBy(() -> Errors.requireNonNull(null, "v", "an object"))
                .hasMessage("The \"v\" argument must be an object. Received null");
        assertThatThrownBy(() -> Errors.requireFunction(null, "cb"))
                .hasMessage("The \"cb\" argument must be of type function. Received null");
        assertThatThrownBy(() -> Errors.requireRange(11, "n", 0, 10))
                .hasMessage("The value of \"n\" is out of range. It must be >= 0 && <= 10. Received 11");
        assertThatThrownBy(() -> Errors.requireRange(-1, "n", 0, 10)).isInstanceOf(NodeError.class);
    }

    @Test
    void theOtherCataloguedErrorsHaveTheirCodes() {
        assertThat(Errors.invalidState("closed").code()).isEqualTo("ERR_INVALID_STATE");
        assertThat(Errors.invalidState("closed")).hasMessage("Invalid state: closed");
        assertThat(Errors.methodNotImplemented("_read()").code()).isEqualTo("ERR_METHOD_NOT_IMPLEMENTED");
        assertThat(Errors.methodNotImplemented("_read()")).hasMessage("The _read() method is not implemented");
        assertThat(Errors.wrongThread("Timeout", null).code()).isEqualTo("ERR_WRONG_THREAD");
        assertThat(Errors.wrongThread("Timeout", null).getMessage()).contains("loop thread '?'");
    }

    @Test
    void aNodeErrorKeepsItsCodeMessageAndCause() {
        IOException cause = new IOException("io");
        NodeError e = new NodeError("ERR_X", "message", cause);
        assertThat(e.code()).isEqualTo("ERR_X");
        assertThat(e).hasMessage("message").hasCause(cause);
        assertThat(e.toString()).isEqualTo("NodeError [ERR_X]: message");
        assertThat(new NodeError("ENOENT", "no such file").getCause()).isNull();
    }
}
