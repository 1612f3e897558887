-- The storage quota sums one lawyer's attachments at every upload.
CREATE INDEX "Attachment_uploaderId_idx" ON "Attachment"("uploaderId");
