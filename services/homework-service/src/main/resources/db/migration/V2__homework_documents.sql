-- The tutor's task may carry Telegram documents (PDFs, Word files… sent in the chat), kept like the photos: by their
-- Telegram file ids, in order, with the file names the messages carried ('' when not given) at the same positions.
ALTER TABLE homework
    ADD COLUMN document_file_ids   TEXT[] NOT NULL DEFAULT '{}',
    ADD COLUMN document_file_names TEXT[] NOT NULL DEFAULT '{}',
    ADD CONSTRAINT homework_document_names_match
        CHECK (cardinality(document_file_ids) = cardinality(document_file_names));
