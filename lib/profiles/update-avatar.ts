import { createHash } from "node:crypto";
import sharp from "sharp";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { validationError } from "@/lib/validation";
import { deleteAvatarFile, saveAvatarFile } from "@/lib/profiles/avatar-storage";
import { invalidateUsers } from "@/lib/users/user-cache";

export const MAX_AVATAR_BYTES = 5 * 1024 * 1024;
const AVATAR_SIZE = 256;
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp"]);
const MAX_INPUT_PIXELS = 40_000_000;

const refuse = (message: string) => validationError({ avatar: [message] }, message);

export const AVATAR_PATH_PREFIX = "/api/avatar/";

/**
 * Replaces the actor's photo. The type is decided by the bytes (sharp reads the header), never by the file name or
 * the browser's content type; the image is re-encoded to a 256×256 WebP, which also drops any metadata (GPS, etc.).
 */
export async function updateAvatar(actor: Actor, file: unknown): Promise<{ avatarPath: string }> {
  if (!(file instanceof Blob) || file.size === 0) throw refuse("Bir fotoğraf dosyası seçin.");
  if (file.size > MAX_AVATAR_BYTES) throw refuse("Fotoğraf en fazla 5 MB olabilir.");
  const input = Buffer.from(await file.arrayBuffer());
  let format: string | undefined;
  try {
    format = (await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata()).format;
  } catch {
    format = undefined;
  }
  if (!format || !ACCEPTED_FORMATS.has(format)) throw refuse("Yalnızca JPEG, PNG veya WebP fotoğraf yükleyebilirsiniz.");
  const output = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS })
    .rotate()
    .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: "cover", position: "attention" })
    .webp({ quality: 82 })
    .toBuffer()
    .catch(() => {
      throw refuse("Fotoğraf okunamadı; başka bir dosya deneyin.");
    });
  const fileName = `${actor.id.toLowerCase()}-${createHash("sha256").update(output).digest("hex").slice(0, 16)}.webp`;
  await saveAvatarFile(fileName, output);
  const previous = await db.user.findUnique({ where: { id: actor.id }, select: { avatarPath: true } });
  const avatarPath = `${AVATAR_PATH_PREFIX}${fileName}`;
  await db.user.update({ where: { id: actor.id }, data: { avatarPath } });
  await invalidateUsers([actor.id]);
  if (previous?.avatarPath?.startsWith(AVATAR_PATH_PREFIX) && previous.avatarPath !== avatarPath) {
    await deleteAvatarFile(previous.avatarPath.slice(AVATAR_PATH_PREFIX.length));
  }
  return { avatarPath };
}
