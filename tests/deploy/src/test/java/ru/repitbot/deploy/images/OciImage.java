package ru.repitbot.deploy.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An image tar as {@code jib:buildTar} writes it (an OCI layout: {@code index.json}, {@code blobs/sha256/…}; or
 * Docker's {@code manifest.json}), unpacked: its configuration and its layers in order, each a tar file.
 */
record OciImage(String digest, JsonNode config, List<Path> layers) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static OciImage unpack(Path imageTar, Path into) throws IOException, InterruptedException {
        Files.createDirectories(into);
        Commands.run(List.of("tar", "-xf", imageTar.toString(), "-C", into.toString()), into, 60);
        if (Files.exists(into.resolve("index.json"))) {
            JsonNode index = JSON.readTree(into.resolve("index.json").toFile());
            String manifestDigest = index.get("manifests").get(0).get("digest").asString();
            JsonNode manifest = JSON.readTree(blob(into, manifestDigest).toFile());
            JsonNode config = JSON.readTree(blob(into, manifest.get("config").get("digest").asString()).toFile());
            List<Path> layers = new ArrayList<>();
            for (JsonNode layer : manifest.get("layers")) {
                layers.add(blob(into, layer.get("digest").asString()));
            }
            return new OciImage(manifestDigest, config, layers);
        }
        JsonNode manifest = JSON.readTree(into.resolve("manifest.json").toFile()).get(0);
        JsonNode config = JSON.readTree(into.resolve(manifest.get("Config").asString()).toFile());
        List<Path> layers = new ArrayList<>();
        for (JsonNode layer : manifest.get("Layers")) {
            layers.add(into.resolve(layer.asString()));
        }
        return new OciImage(null, config, layers);
    }

    private static Path blob(Path layout, String digest) {
        return layout.resolve("blobs").resolve(digest.replace(':', '/'));
    }

    /** The container configuration ({@code config} of the image configuration). */
    JsonNode container() {
        return config.get("config");
    }

    List<String> env() {
        List<String> env = new ArrayList<>();
        container().get("Env").forEach(e -> env.add(e.asString()));
        return env;
    }

    String envValue(String name) {
        return env().stream().filter(e -> e.startsWith(name + "=")).map(e -> e.substring(name.length() + 1))
                .findFirst().orElse(null);
    }

    List<String> entrypoint() {
        List<String> entrypoint = new ArrayList<>();
        container().get("Entrypoint").forEach(e -> entrypoint.add(e.asString()));
        return entrypoint;
    }

    /** The layers applied in order onto an empty directory, with their owners and modes (as root). */
    void extractRootfs(Path rootfs) throws IOException, InterruptedException {
        Files.createDirectories(rootfs);
        for (Path layer : layers) {
            // OCI whiteouts (.wh.NAME deletes NAME of a lower layer): our layers have none; refuse rather than lie.
            // Jib writes libarchive's creation-time headers, which GNU tar does not know and would warn about.
            String listing = Commands.run(List.of("tar", "--warning=no-unknown-keyword", "-tzf", layer.toString()),
                    rootfs, 60);
            if (listing.contains("/.wh.") || listing.startsWith(".wh.")) {
                throw new IllegalStateException(layer + " has whiteout entries, which this unpacker does not apply");
            }
            Commands.run(List.of("tar", "--warning=no-unknown-keyword", "-xzf", layer.toString(), "-C",
                    rootfs.toString(), "--numeric-owner", "--same-owner", "--same-permissions"), rootfs, 120);
        }
    }
}
