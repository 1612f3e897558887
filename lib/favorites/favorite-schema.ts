import { z } from "zod";
import "@/lib/validation";

export const favoriteSchema = z.object({ jobId: z.string().min(1) });
