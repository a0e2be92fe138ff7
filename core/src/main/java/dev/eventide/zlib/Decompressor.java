package dev.eventide.zlib;

import static dev.eventide.zlib.ZlibConstants.*;

import dev.eventide.buffer.Bytes;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflate, gunzip, raw inflate and unzip over the JDK's {@link Inflater}, with Node's rules for
 * what surrounds a stream. Not thread-safe: the owning codec's thread.
 *
 * <pre>
 *  DETECT --(unzip: 1f 8b)--> HEADER --> BODY --> TRAILER --> MEMBER_END --(next byte != 0)--> HEADER
 *     \--(zlib header, window checked)--> BODY --> DONE          \--(next byte == 0)--> DONE
 * </pre>
 *
 * As Node (node_zlib.cc): gzip members follow one another until the input ends; a zero byte
 * where a member could start is padding and ends the data, and anything after it is ignored;
 * any other byte must start a valid member ("incorrect header check"). After a zlib or raw
 * stream ends, the rest of the input is ignored. A Z_FINISH write that leaves a stream
 * unfinished is Z_BUF_ERROR "unexpected end of file". The JDK's zlib supplies its own messages
 * for the deflate data; the gzip framing and the window and dictionary checks are done here.
 */
final class Decompressor extends ZlibCodec {
    private enum Phase { DETECT, HEADER, BODY, TRAILER, MEMBER_END, DONE }

    private final GzipHeader header = new GzipHeader();
    private final CRC32 crc = new CRC32();
    private final byte[] held = new byte[8];
    private Inflater inflater;
    /** Whether {@link #inflater} was made without zlib framing (gzip bodies and raw streams). */
    private boolean inflaterRaw;
    private Phase phase;
    private boolean gzip;
    /** Gunzip, or unzip that met gzip first: streams follow one another (node_zlib.cc's mode GUNZIP). */
    private boolean multiMember;
    /** Bytes of {@link #held} in use: the unzip/window detection bytes, or the gzip trailer. */
    private int heldCount;
    /** Output bytes of the current gzip member, modulo 2^32 as ISIZE. */
    private int outputSize;

    Decompressor(ZlibSettings s, long limit) {
        super(s, limit);
        start();
    }

    private void start() {
        ZlibMode mode = settings.mode();
        gzip = mode == ZlibMode.GUNZIP;
        multiMember = gzip;
        heldCount = 0;
        if (gzip) {
            begin(Phase.HEADER);
        } else if (mode == ZlibMode.UNZIP || mode == ZlibMode.INFLATE && checksWindow()) {
            phase = Phase.DETECT;
        } else {
            begin(Phase.BODY);
        }
    }

    /** Node hands the window size to zlib, which refuses a stream whose header asks for more. */
    private boolean checksWindow() {
        return settings.windowBits() != 0 && settings.windowBits() < 15;
    }

    private void begin(Phase next) {
        phase = next;
        if (next == Phase.HEADER) {
            header.reset();
        } else if (next == Phase.BODY) {
            boolean raw = gzip || settings.mode() == ZlibMode.INFLATERAW;
            if (inflater != null && inflaterRaw == raw) {
                inflater.reset();
            } else {
                if (inflater != null) {
                    inflater.end(); // unzip after reset() may meet the other format
                }
                inflater = new Inflater(raw);
                inflaterRaw = raw;
            }
            if (raw && settings.mode() == ZlibMode.INFLATERAW && settings.dictionary() != null) {
                Bytes d = settings.dictionary();
                inflater.setDictionary(d.array(), d.byteOffset(), d.length());
            }
            crc.reset();
            outputSize = 0;
        } else {
            heldCount = 0; // TRAILER and DETECT collect into held from the start
        }
    }

    @Override
    int process(Bytes input, int flush) {
        int start = input.byteOffset();
        int end = start + input.length();
        int stop = consume(input.array(), start, end);
        if (stop == end && flush == Z_FINISH && phase != Phase.MEMBER_END && phase != Phase.DONE) {
            throw ZlibErrors.unexpectedEnd();
        }
        return stop - start;
    }

    /** Runs the phases over {@code a[pos, end)}; returns where it stopped (early only over budget). */
    private int consume(byte[] a, int pos, int end) {
        while (pos < end && !overBudget()) {
            pos = switch (phase) {
                case DETECT -> detect(a, pos, end);
                case HEADER -> header(a, pos, end);
                case BODY -> body(a, pos, end);
                case TRAILER -> trailer(a, pos, end);
                case MEMBER_END -> memberEnd(a, pos);
                case DONE -> end;
            };
        }
        return pos;
    }

    /** Holds the first two bytes, picks gzip or zlib (and checks the window), then replays them. */
    private int detect(byte[] a, int pos, int end) {
        while (pos < end && heldCount < 2) {
            held[heldCount++] = a[pos++];
            if (heldCount == 1 && (held[0] & 0xff) != 0x1f && !checksWindow()) {
                break; // unzip: not gzip, and nothing else to check
            }
        }
        boolean isGzip = heldCount == 2 && (held[0] & 0xff) == 0x1f && (held[1] & 0xff) == 0x8b
                && settings.mode() == ZlibMode.UNZIP;
        boolean decided = heldCount == 2 || (held[0] & 0xff) != 0x1f && !checksWindow();
        if (!decided) {
            return pos;
        }
        if (!isGzip && checksWindow() && heldCount == 2) {
            checkWindow(held[0] & 0xff, held[1] & 0xff);
        }
        gzip = isGzip;
        multiMember |= isGzip;
        begin(isGzip ? Phase.HEADER : Phase.BODY);
        int n = heldCount;
        heldCount = 0;
        consume(held.clone(), 0, n);
        return pos;
    }

    /** zlib's header checks, in its order, ending with the window the header asks for. */
    private void checkWindow(int cmf, int flg) {
        if (((cmf << 8) | flg) % 31 != 0 || (cmf & 0x0f) != 8) {
            return; // the JDK's zlib reports these with its own messages
        }
        if ((cmf >> 4) + 8 > settings.windowBits()) {
            throw ZlibErrors.dataError("invalid window size");
        }
    }

    private int header(byte[] a, int pos, int end) {
        pos = header.parse(a, pos, end);
        if (header.done()) {
            begin(Phase.BODY);
        }
        return pos;
    }

    private int body(byte[] a, int pos, int end) {
        inflater.setInput(a, pos, end - pos);
        try {
            while (true) {
                byte[] buf = room();
                int at = roomStart();
                int size = roomSize();
                int n = inflater.inflate(buf, at, size);
                if (n > 0 && gzip) {
                    crc.update(buf, at, n);
                    outputSize += n;
                }
                emit(n);
                if (inflater.finished()) {
                    int rest = inflater.getRemaining();
                    begin(gzip ? Phase.TRAILER : multiMember ? Phase.MEMBER_END : Phase.DONE);
                    return end - rest;
                }
                if (inflater.needsDictionary()) {
                    supplyDictionary();
                } else if (n < size && inflater.needsInput()) {
                    return end;
                } else if (overBudget() && inflater.getRemaining() > 0) {
                    return end - inflater.getRemaining(); // zlib keeps any pending output for the next call
                }
            }
        } catch (DataFormatException e) {
            throw ZlibErrors.dataError(e.getMessage() == null ? "invalid data" : e.getMessage());
        }
    }

    /** Node's zlib: no dictionary is "Missing dictionary", one with the wrong id "Bad dictionary". */
    private void supplyDictionary() {
        Bytes d = settings.dictionary();
        if (d == null) {
            throw ZlibErrors.needDictionary(false);
        }
        Adler32 id = new Adler32();
        id.update(d.array(), d.byteOffset(), d.length());
        if ((int) id.getValue() != inflater.getAdler()) {
            throw ZlibErrors.needDictionary(true);
        }
        inflater.setDictionary(d.array(), d.byteOffset(), d.length());
    }

    /** CRC-32 then ISIZE, each checked as soon as its four bytes are in, as zlib does. */
    private int trailer(byte[] a, int pos, int end) {
        while (pos < end && heldCount < 8) {
            held[heldCount++] = a[pos++];
            if (heldCount == 4 && littleEndian(0) != (int) crc.getValue()) {
                throw ZlibErrors.dataError("incorrect data check");
            }
            if (heldCount == 8 && littleEndian(4) != outputSize) {
                throw ZlibErrors.dataError("incorrect length check");
            }
        }
        if (heldCount == 8) {
            heldCount = 0;
            phase = Phase.MEMBER_END;
        }
        return pos;
    }

    private int littleEndian(int at) {
        return (held[at] & 0xff) | (held[at + 1] & 0xff) << 8 | (held[at + 2] & 0xff) << 16 | (held[at + 3] & 0xff) << 24;
    }

    /**
     * A zero byte is padding that ends the data; anything else starts the next member, which
     * unzip detects afresh (zlib's auto-detection, so a zlib stream may follow a gzip member).
     */
    private int memberEnd(byte[] a, int pos) {
        if (a[pos] == 0) {
            phase = Phase.DONE;
        } else {
            begin(settings.mode() == ZlibMode.UNZIP ? Phase.DETECT : Phase.HEADER);
        }
        return pos;
    }

    @Override
    public void reset() {
        super.reset();
        start();
    }

    @Override
    public void close() {
        if (!isClosed() && inflater != null) {
            inflater.end();
        }
        super.close();
    }
}
