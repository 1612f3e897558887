-- AlterTable
ALTER TABLE "ConversationMember" ADD COLUMN     "unreadCount" INTEGER NOT NULL DEFAULT 0;


-- existing read positions: count what each member has not read yet
UPDATE "ConversationMember" me SET "unreadCount" = (
  SELECT count(*) FROM "Message" x
  WHERE x."conversationId" = me."conversationId" AND x.id > me."lastReadMessageId" AND x."senderId" <> me."userId"
);
