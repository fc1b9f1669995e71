package ru.repitbot.gateway.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Gives a body to the bare 400 the server writes for a request it cannot even turn into a URI ({@code |} or
 * <code>{</code> in the request line): Spring's Netty adapter answers those before any filter runs, with no content.
 * Such an answer is recognised by what only it lacks: our filters always set {@code X-Request-Id}.
 */
public final class EmptyRefusalProblems extends ChannelDuplexHandler {

    private static final byte[] BODY = ("{\"type\":\"urn:repitbot:problem:malformed-request\",\"title\":\"Bad Request\","
            + "\"status\":400,\"detail\":\"The request is malformed: its path or query contains characters that are "
            + "not allowed (e.g. | or {); encode them\"}").getBytes(StandardCharsets.UTF_8);

    private boolean replacing;

    /** Installs the handler on every connection, right after the HTTP codec. */
    public static NettyServerCustomizer customizer() {
        return (HttpServer server) -> server.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null
                    && channel.pipeline().get(EmptyRefusalProblems.class) == null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "repitbotEmptyRefusalProblems",
                        new EmptyRefusalProblems());
            }
        });
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof HttpResponse response && isBareRefusal(response)) {
            FullHttpResponse problem = new DefaultFullHttpResponse(response.protocolVersion(),
                    HttpResponseStatus.BAD_REQUEST, Unpooled.wrappedBuffer(BODY));
            problem.headers().set(response.headers());
            problem.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
            problem.headers().set(HttpHeaderNames.CONTENT_LENGTH, BODY.length);
            if (msg instanceof HttpContent content) {
                content.release();
            } else {
                // The (empty) body and its end follow as separate messages: swallowed below.
                replacing = true;
            }
            ctx.write(problem, promise);
            return;
        }
        if (replacing && msg instanceof HttpContent content) {
            boolean last = msg instanceof LastHttpContent;
            ByteBuf data = content.content();
            data.release();
            if (last) {
                replacing = false;
            }
            promise.setSuccess();
            return;
        }
        super.write(ctx, msg, promise);
    }

    private static boolean isBareRefusal(HttpResponse response) {
        return response.status().code() == 400
                && !response.headers().contains("X-Request-Id")
                && "0".equals(response.headers().get(HttpHeaderNames.CONTENT_LENGTH))
                && response.headers().get(HttpHeaderNames.CONTENT_TYPE) == null;
    }
}
