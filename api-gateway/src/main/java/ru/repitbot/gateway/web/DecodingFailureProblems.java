package ru.repitbot.gateway.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import ru.repitbot.config.web.Problems;

/**
 * Requests Netty's HTTP codec refuses before any filter sees them (a request line over the limit: 414; headers over
 * it: 431; an undecodable request: 400) are answered by reactor-netty with an empty body. This adds the problem
 * every other error of the API carries, so a client reads every 4xx the same way.
 */
@Component
public class DecodingFailureProblems implements NettyServerCustomizer {

    private static final String HANDLER = "repitbot.decodingFailureProblems";

    private static final Map<Integer, String> DETAILS = Map.of(
            414, "The request line (path and query) is longer than the gateway accepts",
            431, "The request headers are larger than the gateway accepts",
            400, "The request is not valid HTTP");

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null && channel.pipeline().get(HANDLER) == null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER, new Handler());
            }
        });
    }

    /** Fills the empty body of the codec's own refusals; every other response passes untouched. */
    static final class Handler extends ChannelDuplexHandler {

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof FullHttpResponse response && response.content().readableBytes() == 0
                    && DETAILS.containsKey(response.status().code())
                    && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
                super.write(ctx, withProblem(response), promise);
                return;
            }
            super.write(ctx, msg, promise);
        }

        private static FullHttpResponse withProblem(FullHttpResponse empty) {
            HttpResponseStatus status = empty.status();
            HttpStatus httpStatus = HttpStatus.valueOf(status.code());
            byte[] json = Problems.toJson(Problems.of(httpStatus, ProblemResponses.kindOf(httpStatus),
                    DETAILS.get(status.code()), null)).getBytes(StandardCharsets.UTF_8);
            ByteBuf body = Unpooled.wrappedBuffer(json);
            FullHttpResponse filled = new DefaultFullHttpResponse(empty.protocolVersion(), status, body);
            filled.headers().set(empty.headers());
            filled.headers().set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            filled.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, json.length);
            empty.release();
            return filled;
        }
    }
}
