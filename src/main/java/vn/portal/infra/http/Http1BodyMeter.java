package vn.portal.infra.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Counts HTTP/1.x request bodies in the connection's Netty pipeline, between the HTTP decoder and
 * Vert.x, so that a body without Content-Length (chunked) is refused the moment it goes over its
 * limit: what comes after is dropped here and never reaches Vert.x, RESTEasy or the upload
 * directory.
 *
 * <p>A refused request is answered (413, by {@link EarlyLimits}) while its body is still arriving.
 * Most HTTP clients send the whole body before they read, and closing a connection with unread
 * bytes resets it, which can destroy the answer before they see it; so the rest of the body is
 * read and thrown away, up to {@link #DISCARD_UP_TO} bytes or {@link #LINGER_SECONDS}, and the
 * connection is then closed. Responses are watched on their way out, so that the connection is
 * closed only after the refused request's answer (whoever gave it) has been written.
 */
final class Http1BodyMeter extends ChannelDuplexHandler {

    static final String NAME = "portal-body-meter";

    /** A refused body is read and thrown away up to this size, then the connection is closed at once. */
    static final long DISCARD_UP_TO = 64L * 1024 * 1024;

    /** A refused exchange's connection is closed at the latest this long after the refusal. */
    static final long LINGER_SECONDS = 30;

    private static final String VERTX_HANDLER = "handler";
    private static final int MAX_UNCLAIMED = 16;

    private final ArrayDeque<Unclaimed> unclaimed = new ArrayDeque<>();
    private ChannelHandlerContext context;
    /** Requests whose head has passed, and final responses that have gone out; HTTP/1.x answers in order. */
    private long requests;
    private long responses;
    private boolean informational;
    private MeteredBody arriving;
    private MeteredBody refused;
    private ScheduledFuture<?> deadline;
    private boolean closing;

    private record Unclaimed(Object headers, MeteredBody body) {
    }

    /**
     * The meter's record of this request's body, the meter being put into the connection on its
     * first request. Must run on the connection's event loop while the request's head is handled.
     * Null when the connection has no HTTP/1.x pipeline to meter.
     */
    static MeteredBody claim(Channel channel, HttpServerRequest request) {
        ChannelPipeline pipeline = channel.pipeline();
        if (pipeline.get(NAME) instanceof Http1BodyMeter meter) {
            return meter.claim(request.headers());
        }
        if (pipeline.get(VERTX_HANDLER) == null) {
            return null;
        }
        Http1BodyMeter meter = new Http1BodyMeter();
        pipeline.addBefore(VERTX_HANDLER, NAME, meter);
        meter.requests = 1;
        // The router runs while Vert.x handles the request's head, so none of this first body has
        // gone past the meter's place yet: from here on every byte of it is counted.
        MeteredBody body = meter.bodyOf(request.getHeader(HttpHeaderNames.CONTENT_TYPE),
                contentLength(request.getHeader(HttpHeaderNames.CONTENT_LENGTH)),
                request.method() + " " + request.path());
        meter.arriving = body;
        return body;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (refused != null) {
            // the connection is closing: nothing more reaches Vert.x
            if (msg instanceof HttpContent content && refused == arriving) {
                refused.arrived(content.content().readableBytes(), msg instanceof LastHttpContent);
            }
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest head) {
            requests++;
        }
        if (msg instanceof HttpRequest head && head.decoderResult().isSuccess()) {
            arriving = bodyOf(head.headers().get(HttpHeaderNames.CONTENT_TYPE), HttpUtil.getContentLength(head, -1L),
                    head.method() + " " + pathOf(head.uri()));
            unclaimed.addLast(new Unclaimed(head.headers(), arriving));
            if (unclaimed.size() > MAX_UNCLAIMED) {
                // a request Vert.x refused itself never reaches the router to be claimed
                unclaimed.removeFirst();
            }
        }
        if (msg instanceof HttpContent content && arriving != null) {
            MeteredBody body = arriving;
            boolean last = msg instanceof LastHttpContent;
            if (last) {
                arriving = null;
            }
            if (!body.arrived(content.content().readableBytes(), last)) {
                ReferenceCountUtil.release(msg);
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof HttpResponse head) {
            informational = head.status().codeClass() == io.netty.handler.codec.http.HttpStatusClass.INFORMATIONAL;
        }
        ctx.write(msg, promise);
        if (msg instanceof LastHttpContent && !informational) {
            responses++;
            if (refused != null) {
                finish(refused);
            }
        }
    }

    private MeteredBody claim(Object headers) {
        for (Iterator<Unclaimed> i = unclaimed.iterator(); i.hasNext();) {
            Unclaimed candidate = i.next();
            if (candidate.headers() == headers) {
                i.remove();
                return candidate.body();
            }
        }
        return null;
    }

    /** The body of the request whose head has just passed. */
    private MeteredBody bodyOf(String contentType, long declared, String request) {
        return new MeteredBody(EarlyLimits.limitFor(contentType), declared, request, requests - 1, this::finish);
    }

    /**
     * Once a body is refused nothing more is passed on; once it is also answered, the connection
     * is closed as soon as the client has sent it all, or has sent too much to wait for.
     */
    private void finish(MeteredBody body) {
        if (!body.refused() || closing) {
            return;
        }
        if (refused == null) {
            refused = body;
            deadline = context.executor().schedule((Runnable) this::close, LINGER_SECONDS, TimeUnit.SECONDS);
        }
        boolean answered = responses > body.index;
        if (answered && (body.complete() || body.received() > DISCARD_UP_TO || body.declared > DISCARD_UP_TO)) {
            close();
        }
    }

    private void close() {
        if (closing) {
            return;
        }
        closing = true;
        if (deadline != null) {
            deadline.cancel(false);
        }
        // written behind the answer: the close waits until the answer is out
        context.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    static long contentLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static String pathOf(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }
}
