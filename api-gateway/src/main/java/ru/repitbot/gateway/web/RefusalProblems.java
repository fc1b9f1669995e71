package ru.repitbot.gateway.web;

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
import java.util.Map;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import ru.repitbot.config.web.Problems;

/**
 * The one place where the gateway gives a body to the refusals written below its filters, so a client reads every
 * 4xx the same way (problem+json):
 * <ul>
 * <li>Netty's HTTP codec: a request line over the limit (414), headers over it (431), an undecodable request (400) —
 * a full response with an empty body;</li>
 * <li>Spring's Netty adapter: a request it cannot turn into a URI ({@code |} or <code>{</code> in the request line) —
 * a bare 400 whose (empty) body follows as separate messages.</li>
 * </ul>
 * Both are recognised by what only they lack: our filters always set {@code X-Request-Id} and a content type.
 */
public final class RefusalProblems extends ChannelDuplexHandler {

    private static final String HANDLER = "repitbotRefusalProblems";

    private static final Map<Integer, String> DETAILS = Map.of(
            414, "The request line (path and query) is longer than the gateway accepts",
            431, "The request headers are larger than the gateway accepts",
            400, "The request is not valid HTTP");

    private static final String UNPARSABLE_URI = "The request is malformed: its path or query contains characters "
            + "that are not allowed (e.g. | or {); encode them";

    /** The empty body of a replaced response still to come, to be swallowed. */
    private boolean swallowingBody;

    /** Installs the handler on every connection, right after the HTTP codec. */
    public static NettyServerCustomizer customizer() {
        return (HttpServer server) -> server.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null && channel.pipeline().get(HANDLER) == null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER, new RefusalProblems());
            }
        });
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof HttpResponse response && isBareRefusal(response)) {
            boolean full = msg instanceof FullHttpResponse;
            String detail = full ? DETAILS.get(response.status().code()) : UNPARSABLE_URI;
            FullHttpResponse problem = withProblem(response, detail);
            if (msg instanceof HttpContent content) {
                content.release();
            } else {
                swallowingBody = true;
            }
            ctx.write(problem, promise);
            return;
        }
        if (swallowingBody && msg instanceof HttpContent content) {
            content.release();
            if (msg instanceof LastHttpContent) {
                swallowingBody = false;
            }
            promise.setSuccess();
            return;
        }
        super.write(ctx, msg, promise);
    }

    private static boolean isBareRefusal(HttpResponse response) {
        if (!DETAILS.containsKey(response.status().code()) || response.headers().contains("X-Request-Id")
                || response.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
            return false;
        }
        if (response instanceof FullHttpResponse full) {
            return full.content().readableBytes() == 0;
        }
        return response.status().code() == 400 && "0".equals(response.headers().get(HttpHeaderNames.CONTENT_LENGTH));
    }

    private static FullHttpResponse withProblem(HttpResponse empty, String detail) {
        HttpResponseStatus status = empty.status();
        HttpStatus httpStatus = HttpStatus.valueOf(status.code());
        byte[] json = Problems.toJson(Problems.of(httpStatus, ProblemResponses.kindOf(httpStatus), detail, null))
                .getBytes(StandardCharsets.UTF_8);
        FullHttpResponse filled = new DefaultFullHttpResponse(empty.protocolVersion(), status,
                Unpooled.wrappedBuffer(json));
        filled.headers().set(empty.headers());
        filled.headers().set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        filled.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, json.length);
        return filled;
    }
}
