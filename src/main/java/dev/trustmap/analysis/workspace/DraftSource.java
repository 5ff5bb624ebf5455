package dev.trustmap.analysis.workspace;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * The mesh a draft was written for: the lab, a folder (by absolute path), a scenario file, or a cluster (by
 * kubeconfig context and API server URL). Each source keeps its own draft, so a draft written for the lab is never
 * shown, or applied, on a cluster.
 *
 * @param id what identifies the source, e.g. {@code lab}, {@code folder:/home/ana/mesh},
 *     {@code cluster:prod@https://10.0.0.1:6443}
 * @param label what the user is shown, e.g. "Lab" or "Folder mesh"
 */
public record DraftSource(String id, String label) {
    /** The built-in lab's id. */
    public static final String LAB_ID = "lab";

    private static final int READABLE_PART = 48;

    public DraftSource {
        Objects.requireNonNull(id, "id");
        label = label == null || label.isBlank() ? id : label;
    }

    /** The built-in lab. */
    public static DraftSource lab(String label) {
        return new DraftSource(LAB_ID, label);
    }

    /** A folder of manifests, by its absolute, normalized path. */
    public static DraftSource folder(Path folder, String label) {
        return new DraftSource("folder:" + folder.toAbsolutePath().normalize(), label);
    }

    /** A scenario file, by its absolute, normalized path. */
    public static DraftSource scenario(Path file, String label) {
        return new DraftSource("scenario:" + file.toAbsolutePath().normalize(), label);
    }

    /** A cluster, by kubeconfig context and API server URL (either may be empty). */
    public static DraftSource cluster(String context, String server, String label) {
        return new DraftSource("cluster:" + nonNull(context) + "@" + nonNull(server), label);
    }

    public boolean isLab() {
        return LAB_ID.equals(id);
    }

    /**
     * A file name for this source's draft: a readable part of the id and a hash of the whole id, so two sources never
     * share a file, e.g. {@code folder-home-ana-mesh-1a2b3c4d5e6f.yaml}.
     */
    public String fileName() {
        String readable =
                id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("(^-+|-+$)", "");
        if (readable.length() > READABLE_PART) {
            readable = readable.substring(readable.length() - READABLE_PART);
        }
        return readable + "-" + hash(id) + ".yaml";
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
