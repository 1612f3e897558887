import { readAvatarFile } from "@/lib/profiles/avatar-storage";

/** Serves a stored avatar. Names carry a content hash, so a file never changes and may be cached for a year. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const bytes = await readAvatarFile((await params).file);
  if (!bytes) return new Response("Bulunamadı", { status: 404 });
  return new Response(new Uint8Array(bytes), {
    headers: { "Content-Type": "image/webp", "Cache-Control": "public, max-age=31536000, immutable", "X-Content-Type-Options": "nosniff" },
  });
}
