package ru.repitbot.standin;

import tools.jackson.databind.node.ObjectNode;

/** A file held in memory: uploaded by the bot or sent by a user, addressed by its file_id and file_path. */
record StoredFile(String fileId, String fileUniqueId, String kind, String fileName, String mimeType, String path,
        byte[] bytes, int width, int height) {

    static final String PHOTO = "photo";
    static final String DOCUMENT = "document";

    ObjectNode photoSize() {
        ObjectNode o = Json.object();
        o.put("file_id", fileId);
        o.put("file_unique_id", fileUniqueId);
        o.put("file_size", bytes.length);
        o.put("width", width);
        o.put("height", height);
        return o;
    }

    ObjectNode document() {
        ObjectNode o = Json.object();
        o.put("file_id", fileId);
        o.put("file_unique_id", fileUniqueId);
        if (fileName != null) {
            o.put("file_name", fileName);
        }
        if (mimeType != null) {
            o.put("mime_type", mimeType);
        }
        o.put("file_size", bytes.length);
        return o;
    }

    ObjectNode file() {
        ObjectNode o = Json.object();
        o.put("file_id", fileId);
        o.put("file_unique_id", fileUniqueId);
        o.put("file_size", bytes.length);
        o.put("file_path", path);
        return o;
    }

    Attachment attachment() {
        return new Attachment(fileId, fileUniqueId, fileName, mimeType, bytes.length, width, height);
    }

    String typeName() {
        return kind.equals(PHOTO) ? "Photo" : "Document";
    }
}
