package dev.eventide.stream;

/** Node's stream.PassThrough: a transform that passes every chunk through unchanged. Loop thread only. */
public class PassThroughStream extends TransformStream {
    public PassThroughStream(StreamOptions options) {
        super(options);
    }

    public PassThroughStream() {
        this(null);
    }

    @Override
    protected void _transform(Object chunk, String encoding, TransformCallback callback) {
        callback.call(null, chunk);
    }
}
