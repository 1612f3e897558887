import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getProfile } from "@/lib/profiles/get-profile";
import { updateProfile } from "@/lib/profiles/update-profile";
import { updateAvatar, MAX_AVATAR_BYTES } from "@/lib/profiles/update-avatar";
import { readAvatarFile } from "@/lib/profiles/avatar-storage";
import { storageFromEnv } from "@/lib/storage/storage";
import { addFollow } from "@/lib/follows/add-follow";
import { lawyer, refusal } from "@/test/marketplace-test-support";

const image = (format: "png" | "jpeg" | "gif", width = 800, height = 600) =>
  sharp({ create: { width, height, channels: 3, background: { r: 30, g: 60, b: 120 } } }).toFormat(format).toBuffer();

describe("profiles", () => {
  it("edits the own profile and shows phone / e-mail only when the lawyer allows it", async () => {
    const { user, actor } = await lawyer();
    await addFollow(actor, { provinceId: "6" });
    await updateProfile(actor, { title: "AVUKAT", phone: "0532 123 45 67", bio: "Ticaret ve icra hukuku.", specialities: "Ticaret, İcra, Ticaret", showPhone: "on" });
    const shown = await getProfile(user.id);
    expect(shown).toMatchObject({ phone: "0532 123 45 67", email: null, bio: "Ticaret ve icra hukuku.", specialities: ["Ticaret", "İcra"], coveredProvinces: ["Ankara"] });
    await updateProfile(actor, { title: "AVUKAT", phone: "0532 123 45 67", specialities: "", showEmail: "on" });
    expect(await getProfile(user.id)).toMatchObject({ phone: null, email: user.email, bio: null, specialities: [] });
  });

  it("refuses a malformed phone with a Turkish message", async () => {
    const { actor } = await lawyer();
    const error = await refusal(updateProfile(actor, { title: "AVUKAT", phone: "telefonum yok" }));
    expect(error.details.fieldErrors?.phone?.[0]).toMatch(/Telefon numarasını/);
  });

  it("resizes an uploaded photo to a 256×256 WebP, judged by its bytes", async () => {
    const { user, actor } = await lawyer();
    const { avatarPath } = await updateAvatar(actor, new Blob([new Uint8Array(await image("jpeg"))], { type: "image/jpeg" }));
    expect(avatarPath).toMatch(/^\/api\/avatar\/.+\.webp$/);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).avatarPath).toBe(avatarPath);
    const stored = await readAvatarFile(avatarPath.split("/").pop()!);
    const meta = await sharp(stored!).metadata();
    expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: "webp", width: 256, height: 256 });
  });

  it("refuses a non-image (whatever its declared type), an unsupported format, and a file over 5 MB", async () => {
    const { user, actor } = await lawyer();
    const fake = new Blob([new TextEncoder().encode("<html>bu bir resim değil</html>")], { type: "image/png" });
    expect((await refusal(updateAvatar(actor, fake))).message).toBe("Yalnızca JPEG, PNG veya WebP fotoğraf yükleyebilirsiniz.");
    const gif = new Blob([new Uint8Array(await image("gif", 20, 20))], { type: "image/gif" });
    expect((await refusal(updateAvatar(actor, gif))).message).toBe("Yalnızca JPEG, PNG veya WebP fotoğraf yükleyebilirsiniz.");
    const huge = new Blob([new Uint8Array(MAX_AVATAR_BYTES + 1)], { type: "image/png" });
    expect((await refusal(updateAvatar(actor, huge))).message).toBe("Fotoğraf en fazla 5 MB olabilir.");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).avatarPath).toBeNull();
  });

  it("keeps avatars in the shared blob store, and still serves one written to AVATAR_DIR before the move", async () => {
    const { actor } = await lawyer();
    const { avatarPath } = await updateAvatar(actor, new Blob([new Uint8Array(await image("png"))], { type: "image/png" }));
    const fileName = avatarPath.split("/").pop()!;
    // a store opened afresh from the same settings, as another instance would
    expect(await storageFromEnv(process.env).get(`avatars/${fileName.replace(".webp", "")}`)).not.toBeNull();

    const legacyDir = await mkdtemp(path.join(os.tmpdir(), "tevkil-avatars-"));
    const legacyName = "legacyavatar01-0123456789abcdef.webp";
    await writeFile(path.join(legacyDir, legacyName), Buffer.from("eski"));
    process.env.AVATAR_DIR = legacyDir;
    try {
      expect((await readAvatarFile(legacyName))?.toString()).toBe("eski");
    } finally {
      delete process.env.AVATAR_DIR;
    }
  });
});
