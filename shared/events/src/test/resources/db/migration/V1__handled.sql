CREATE TABLE handled (event_id UUID NOT NULL, note TEXT);
