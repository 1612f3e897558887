-- Every message updates its conversation row and both membership rows. Without an index on the moving column
-- and with room left on each page, PostgreSQL can make those HOT updates: no new index entries, less WAL.
DROP INDEX "Conversation_lastMessageAt_idx";

ALTER TABLE "Conversation" SET (fillfactor = 80);
ALTER TABLE "ConversationMember" SET (fillfactor = 80);
