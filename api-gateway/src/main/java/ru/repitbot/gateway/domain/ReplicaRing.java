package ru.repitbot.gateway.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The replicas of one service and whose turn it is: round robin per request, shared by every route of the service.
 * A request URL built for the first replica is moved to the next one by {@link #next(URI)} (scheme, host and port
 * replaced; path and query kept as they are, raw).
 */
public final class ReplicaRing {

    private final List<URI> replicas;
    private final AtomicInteger turn = new AtomicInteger();

    public ReplicaRing(List<URI> replicas) {
        if (replicas == null || replicas.isEmpty()) {
            throw new IllegalArgumentException("a service needs at least one replica URL");
        }
        for (URI replica : replicas) {
            if (replica.getScheme() == null || replica.getHost() == null) {
                throw new IllegalArgumentException("not an absolute http(s) URL: " + replica);
            }
        }
        this.replicas = List.copyOf(replicas);
    }

    public int size() {
        return replicas.size();
    }

    /** The replica whose turn it is (and the turn moves on). */
    public URI nextReplica() {
        return replicas.get(Math.floorMod(turn.getAndIncrement(), replicas.size()));
    }

    /** {@code requestUrl} sent to the replica whose turn it is. */
    public URI next(URI requestUrl) {
        URI replica = nextReplica();
        if (replicas.size() == 1) {
            return requestUrl;
        }
        return onReplica(requestUrl, replica);
    }

    static URI onReplica(URI requestUrl, URI replica) {
        StringBuilder url = new StringBuilder(replica.getScheme()).append("://").append(replica.getRawAuthority());
        if (requestUrl.getRawPath() != null) {
            url.append(requestUrl.getRawPath());
        }
        if (requestUrl.getRawQuery() != null) {
            url.append('?').append(requestUrl.getRawQuery());
        }
        try {
            return new URI(url.toString());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
