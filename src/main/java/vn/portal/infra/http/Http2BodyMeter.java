package vn.portal.infra.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http2.Http2Connection;
import io.netty.handler.codec.http2.Http2ConnectionAdapter;
import io.netty.handler.codec.http2.Http2ConnectionHandler;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameListener;
import io.netty.handler.codec.http2.Http2FrameListenerDecorator;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Stream;
import io.vertx.core.http.HttpServerRequest;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts HTTP/2 request bodies as their DATA frames arrive, between Netty's HTTP/2 decoder and
 * Vert.x, so that a body sent without content-length is refused the moment it goes over its
 * limit; its later frames are dropped here (their bytes still count towards flow control), and
 * the stream is reset once answered, which the client takes as "stop sending".
 */
final class Http2BodyMeter extends Http2FrameListenerDecorator {

    private static final MeteredBody.Finisher NOTHING_TO_CLOSE = body -> {
    };

    private final Map<Integer, MeteredBody> bodies = new HashMap<>();

    private Http2BodyMeter(Http2FrameListener vertx, Http2Connection connection) {
        super(vertx);
        connection.addListener(new Http2ConnectionAdapter() {
            @Override
            public void onStreamClosed(Http2Stream stream) {
                bodies.remove(stream.id());
            }
        });
    }

    /**
     * The meter's record of this request's body, the meter being put into the connection on its
     * first stream. Must run on the connection's event loop while the request's headers are
     * handled. Null when the connection has no HTTP/2 handler to meter.
     */
    static MeteredBody claim(Channel channel, HttpServerRequest request) {
        Http2ConnectionHandler handler = channel.pipeline().get(Http2ConnectionHandler.class);
        if (handler == null) {
            return null;
        }
        Http2FrameListener listener = handler.decoder().frameListener();
        Http2BodyMeter meter;
        if (listener instanceof Http2BodyMeter installed) {
            meter = installed;
        } else if (listener != null) {
            meter = new Http2BodyMeter(listener, handler.connection());
            handler.decoder().frameListener(meter);
        } else {
            return null;
        }
        int streamId = request.streamId();
        // on the first stream the meter arrives while its headers are handled, before any DATA frame
        return meter.bodies.computeIfAbsent(streamId, id -> bodyOf(request.getHeader(HttpHeaderNames.CONTENT_TYPE),
                Http1BodyMeter.contentLength(request.getHeader(HttpHeaderNames.CONTENT_LENGTH)),
                request.method() + " " + request.path(), id));
    }

    /** Whether the client may still send DATA on this request's stream (its HEADERS did not end it). */
    static boolean expectsBody(Channel channel, HttpServerRequest request) {
        Http2ConnectionHandler handler = channel.pipeline().get(Http2ConnectionHandler.class);
        Http2Stream stream = handler == null ? null : handler.connection().stream(request.streamId());
        return stream != null && (stream.state() == Http2Stream.State.OPEN
                || stream.state() == Http2Stream.State.HALF_CLOSED_LOCAL);
    }

    @Override
    public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers, int padding,
            boolean endOfStream) throws Http2Exception {
        meter(streamId, headers, endOfStream);
        super.onHeadersRead(ctx, streamId, headers, padding, endOfStream);
    }

    @Override
    public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers, int streamDependency,
            short weight, boolean exclusive, int padding, boolean endOfStream) throws Http2Exception {
        meter(streamId, headers, endOfStream);
        super.onHeadersRead(ctx, streamId, headers, streamDependency, weight, exclusive, padding, endOfStream);
    }

    @Override
    public int onDataRead(ChannelHandlerContext ctx, int streamId, ByteBuf data, int padding, boolean endOfStream)
            throws Http2Exception {
        MeteredBody body = endOfStream ? bodies.remove(streamId) : bodies.get(streamId);
        if (body != null && !body.arrived(data.readableBytes(), endOfStream)) {
            // dropped, and handed back to flow control as processed
            return data.readableBytes() + padding;
        }
        return super.onDataRead(ctx, streamId, data, padding, endOfStream);
    }

    private void meter(int streamId, Http2Headers headers, boolean endOfStream) {
        if (endOfStream || bodies.containsKey(streamId)) {
            // no body, or trailers
            return;
        }
        CharSequence contentType = headers.get(HttpHeaderNames.CONTENT_TYPE);
        CharSequence contentLength = headers.get(HttpHeaderNames.CONTENT_LENGTH);
        bodies.put(streamId, bodyOf(contentType == null ? null : contentType.toString(),
                Http1BodyMeter.contentLength(contentLength == null ? null : contentLength.toString()),
                headers.method() + " " + Http1BodyMeter.pathOf(String.valueOf(headers.path())), streamId));
    }

    private static MeteredBody bodyOf(String contentType, long declared, String request, int streamId) {
        return new MeteredBody(EarlyLimits.limitFor(contentType), declared, request, streamId, NOTHING_TO_CLOSE);
    }
}
