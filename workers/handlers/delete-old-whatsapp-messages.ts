import { deleteOldWhatsAppMessages } from "@/lib/whatsapp/delete-old-messages";

export function handleDeleteOldWhatsAppMessages() {
  return deleteOldWhatsAppMessages();
}
