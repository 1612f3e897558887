import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { seal } from "@/lib/two-factor/secret-box";

export const DEMO_PASSWORD = "tevkil-demo-2026";
/** The demo administrator's TOTP key (two-step login is required for administrators): add it to an authenticator app. */
export const DEMO_ADMIN_TOTP_SECRET = "TEVKILDEMOYONETICI2FA23456TEVKIL";

const demoUsers = [
  { email: "ayse@example.com", fullName: "Av. Ayşe Yılmaz", provinceId: 34, barName: "İstanbul Barosu", barNumber: "48213", role: "LAWYER" },
  { email: "mehmet@example.com", fullName: "Av. Mehmet Demir", provinceId: 6, barName: "Ankara Barosu", barNumber: "21877", role: "LAWYER" },
  { email: "zeynep@example.com", fullName: "Av. Zeynep Kaya", provinceId: 35, barName: "İzmir Barosu", barNumber: "13590", role: "LAWYER" },
  { email: "admin@example.com", fullName: "Tevkil Yönetici", provinceId: 34, barName: "İstanbul Barosu", barNumber: "99001", role: "ADMIN" },
] as const;

const DAY = 24 * 60 * 60 * 1000;

/** Demo accounts and a few open jobs. Idempotent: existing accounts and their jobs are left as they are. */
export async function seedDemoData(prisma: PrismaClient): Promise<{ users: number; jobs: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = new Date();
  const ids: Record<string, string> = {};
  for (const u of demoUsers) {
    const user = await prisma.user.upsert({
      where: { email: u.email },
      update: {},
      create: {
        ...u,
        passwordHash,
        verification: "VERIFIED",
        verifiedAt: now,
        kvkkConsentAt: now,
        emailConfirmedAt: now,
        title: "AVUKAT",
        phone: "+90 555 000 00 00",
        ...(u.role === "ADMIN" ? { totpSecret: seal(DEMO_ADMIN_TOTP_SECRET), totpEnabledAt: now } : {}),
      },
    });
    ids[u.email] = user.id;
  }

  const existingJobs = await prisma.job.count({ where: { posterId: { in: Object.values(ids) } } });
  if (existingJobs === 0) {
    const courthouse = async (provinceId: number, name: string) =>
      (await prisma.courthouse.findUniqueOrThrow({ where: { provinceId_name: { provinceId, name } } })).id;
    const at = (days: number, hour: number) => {
      const d = new Date(now.getTime() + days * DAY);
      d.setUTCHours(hour - 3, 30, 0, 0); // hour in Europe/Istanbul (UTC+3)
      return d;
    };
    await prisma.job.createMany({
      data: [
        {
          posterId: ids["mehmet@example.com"], taskType: "DURUSMA", lawArea: "Ticaret Hukuku",
          title: "İstanbul Anadolu'da ticari alacak davası duruşması",
          description: "Ara karar sonrası ikinci duruşma. Tanık dinlenecek; dosya özeti paylaşılacaktır.",
          provinceId: 34, courthouseId: await courthouse(34, "İstanbul Anadolu Adliyesi"), court: "İstanbul Anadolu 5. Asliye Ticaret Mahkemesi",
          fileNumber: "2026/412 E.", scheduledAt: at(6, 10), deadlineAt: at(4, 18), feeKurus: 750_000, urgency: "NORMAL",
        },
        {
          posterId: ids["ayse@example.com"], taskType: "DOSYA_INCELEME", lawArea: "İş Hukuku",
          title: "Ankara Batı'da dosya incelemesi ve suret alımı",
          description: "İşçilik alacağı dosyasında bilirkişi raporunun incelenmesi ve suretinin alınması.",
          provinceId: 6, courthouseId: await courthouse(6, "Ankara Batı Adliyesi"), court: "Ankara Batı 3. İş Mahkemesi",
          fileNumber: "2025/1877 E.", scheduledAt: at(3, 11), deadlineAt: at(2, 17), feeKurus: 600_000, urgency: "URGENT",
        },
        {
          posterId: ids["ayse@example.com"], taskType: "HACIZ_ICRA", lawArea: "İcra ve İflas Hukuku",
          title: "İzmir'de menkul haczine katılım",
          description: "Borçlunun iş yerinde menkul haczi. Çekici ve muhafaza için yediemin ayarlanmıştır.",
          provinceId: 35, courthouseId: await courthouse(35, "İzmir Adliyesi"), court: "İzmir 12. İcra Dairesi",
          fileNumber: "2026/9931 Esas", scheduledAt: at(9, 9), deadlineAt: at(7, 12), feeKurus: 900_000, urgency: "NORMAL",
        },
        {
          posterId: ids["zeynep@example.com"], taskType: "KESIF_DELIL_TESPITI", lawArea: "Gayrimenkul Hukuku",
          title: "Ankara'da keşif (delil tespiti) için vekil aranıyor",
          description: "Kat karşılığı inşaat sözleşmesinden doğan ayıplı ifa iddiası için yerinde keşif.",
          provinceId: 6, courthouseId: await courthouse(6, "Ankara Adliyesi"), court: "Ankara 14. Sulh Hukuk Mahkemesi",
          fileNumber: "2026/77 D.İş", scheduledAt: at(12, 14), deadlineAt: at(10, 18), feeKurus: 1_250_000, urgency: "VERY_URGENT",
        },
      ],
    });
  }
  const jobs = await prisma.job.count({ where: { posterId: { in: Object.values(ids) }, status: "OPEN" } });
  return { users: demoUsers.length, jobs };
}
