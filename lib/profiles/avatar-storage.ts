import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

// Avatars are small resized files on disk. Several app hosts need this directory on a shared volume
// (AVATAR_DIR); on one host every instance shares it as it is.
const avatarDir = () => process.env.AVATAR_DIR ?? path.join(process.cwd(), ".data", "avatars");

export const AVATAR_FILE_NAME = /^[a-z0-9]{10,40}-[a-f0-9]{16}\.webp$/;

export async function saveAvatarFile(fileName: string, bytes: Buffer): Promise<void> {
  await mkdir(avatarDir(), { recursive: true });
  await writeFile(path.join(avatarDir(), fileName), bytes);
}

/** The stored bytes, or null for a name that is not an avatar file or does not exist. */
export async function readAvatarFile(fileName: string): Promise<Buffer | null> {
  if (!AVATAR_FILE_NAME.test(fileName)) return null;
  return readFile(path.join(avatarDir(), fileName)).catch(() => null);
}

export async function deleteAvatarFile(fileName: string): Promise<void> {
  if (AVATAR_FILE_NAME.test(fileName)) await rm(path.join(avatarDir(), fileName), { force: true });
}
