import { readFile } from "node:fs/promises";
import path from "node:path";
import { getStorage } from "@/lib/storage/storage";

// Avatars are small resized files kept in the same blob store as attachments (STORAGE_DRIVER), so every instance
// serves every avatar, also where instances share no disk (Render, several hosts).
// storage keys carry no dots: the name without its extension
const keyOf = (fileName: string) => `avatars/${fileName.replace(/\.webp$/, "")}`;

// where avatars were written before they moved to the blob store; still read so none is lost after an upgrade
const legacyAvatarDir = () => process.env.AVATAR_DIR ?? path.join(process.cwd(), ".data", "avatars");

export const AVATAR_FILE_NAME = /^[a-z0-9]{10,40}-[a-f0-9]{16}\.webp$/;

export async function saveAvatarFile(fileName: string, bytes: Buffer): Promise<void> {
  await getStorage().put(keyOf(fileName), bytes, "image/webp");
}

/** The stored bytes, or null for a name that is not an avatar file or does not exist. */
export async function readAvatarFile(fileName: string): Promise<Buffer | null> {
  if (!AVATAR_FILE_NAME.test(fileName)) return null;
  const stream = await getStorage().get(keyOf(fileName));
  if (stream) return Buffer.from(await new Response(stream).arrayBuffer());
  return readFile(path.join(legacyAvatarDir(), fileName)).catch(() => null);
}

export async function deleteAvatarFile(fileName: string): Promise<void> {
  if (AVATAR_FILE_NAME.test(fileName)) await getStorage().delete(keyOf(fileName));
}
