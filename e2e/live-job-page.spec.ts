import { randomBytes } from "node:crypto";
import { test, expect, logIn, socketConnected } from "@/e2e/support/fixtures";
import { createPrismaClient } from "@/lib/db";

// A job's page stays current for the people involved: nobody has to reload to see an applicant or an acceptance.

async function openJobBy(email: string): Promise<string> {
  const { prisma, pool } = createPrismaClient(process.env.E2E_DATABASE_URL!, 1);
  try {
    const poster = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    const courthouse = await prisma.courthouse.findFirstOrThrow({ where: { provinceId: 35 }, select: { id: true } });
    const job = await prisma.job.create({
      data: {
        posterId: poster.id, taskType: "DOSYA_INCELEME", lawArea: "İş Hukuku", title: `Canlı sayfa sınaması ${randomBytes(3).toString("hex")}`,
        description: "İşçilik alacağı dosyasında bilirkişi raporunun incelenmesi.", provinceId: 35, courthouseId: courthouse.id,
        scheduledAt: new Date(Date.now() + 5 * 86_400_000), deadlineAt: new Date(Date.now() + 3 * 86_400_000), feeKurus: 400_000,
      },
      select: { id: true },
    });
    return job.id;
  } finally {
    await prisma.$disconnect();
    await pool.end();
  }
}

test("the poster sees a new applicant, and the applicant the acceptance, without reloading", async ({ browser }) => {
  const jobPath = `/ilanlar/${await openJobBy("zeynep@example.com")}`;
  const poster = await (await browser.newContext()).newPage();
  const applicant = await (await browser.newContext()).newPage();
  await logIn(poster, "zeynep@example.com");
  await logIn(applicant, "ayse@example.com");

  const posterLive = socketConnected(poster);
  await poster.goto(jobPath);
  await posterLive;
  await expect(poster.getByText("Henüz başvuru yok.")).toBeVisible();

  const applicantLive = socketConnected(applicant);
  await applicant.goto(jobPath);
  await applicantLive;
  await applicant.getByLabel("Notunuz").fill("İzmir'deyim, yarın adliyeye gidebilirim.");
  await applicant.getByRole("button", { name: "Başvur" }).click();

  // no reload on the poster's side (the job hides applicants' names until one is accepted)
  await expect(poster.getByTestId("applicant").getByTestId("applicant-initials")).toHaveText("A. Y.");
  await poster.getByTestId("accept-application").click();
  await expect(poster.getByTestId("assignment")).toContainText("Av. Ayşe Yılmaz");

  // and none on the applicant's
  await expect(applicant.getByTestId("assignment")).toContainText("Bu iş size verildi");
});
