-- Issue 16: WhatsApp as a way in. Inbound messages once per WhatsApp id, the outbound log with its status callbacks,
-- the per-number customer-service window and DUR, and the record a notification is about (for its buttons).
ALTER TABLE "Notification" ADD COLUMN "subjectId" TEXT;

CREATE TYPE "WhatsAppOutboundStatus" AS ENUM ('ACCEPTED', 'SENT', 'DELIVERED', 'READ', 'FAILED');

CREATE TABLE "WhatsAppInbound" (
    "id" TEXT NOT NULL,
    "seq" SERIAL NOT NULL,
    "waMessageId" TEXT NOT NULL,
    "fromNumber" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT,
    "buttonId" TEXT,
    "sentAt" TIMESTAMP(3) NOT NULL,
    "handledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WhatsAppInbound_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "WhatsAppOutbound" (
    "id" TEXT NOT NULL,
    "waMessageId" TEXT,
    "toNumber" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" "WhatsAppOutboundStatus" NOT NULL DEFAULT 'ACCEPTED',
    "error" TEXT,
    "statusAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WhatsAppOutbound_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "WhatsAppContact" (
    "number" TEXT NOT NULL,
    "lastInboundAt" TIMESTAMP(3) NOT NULL,
    "stoppedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WhatsAppContact_pkey" PRIMARY KEY ("number")
);

CREATE UNIQUE INDEX "WhatsAppInbound_waMessageId_key" ON "WhatsAppInbound"("waMessageId");
CREATE INDEX "WhatsAppInbound_createdAt_idx" ON "WhatsAppInbound"("createdAt");
CREATE INDEX "WhatsAppInbound_fromNumber_seq_idx" ON "WhatsAppInbound"("fromNumber", "seq");
CREATE UNIQUE INDEX "WhatsAppOutbound_waMessageId_key" ON "WhatsAppOutbound"("waMessageId");
CREATE INDEX "WhatsAppOutbound_createdAt_idx" ON "WhatsAppOutbound"("createdAt");
-- an inbound message is answered by looking its sender up among verified numbers
CREATE INDEX "User_whatsappNumber_idx" ON "User"("whatsappNumber");
