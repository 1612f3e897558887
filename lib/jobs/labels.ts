import type { ApplicationStatus, JobStatus, TaskType, Urgency } from "@/lib/generated/prisma/enums";

export const taskTypeLabels: Record<TaskType, string> = {
  DURUSMA: "Duruşma",
  DOSYA_INCELEME: "Dosya inceleme",
  HACIZ_ICRA: "Haciz / icra",
  KESIF_DELIL_TESPITI: "Keşif / delil tespiti",
  DILEKCE: "Dilekçe",
  FOTOKOPI_SURET: "Fotokopi / suret",
  TEBLIGAT: "Tebligat",
  CEZAEVI_GORUSMESI: "Cezaevi görüşmesi",
  DIGER: "Diğer",
};

export const urgencyLabels: Record<Urgency, string> = { NORMAL: "Normal", URGENT: "Acil", VERY_URGENT: "Çok acil" };

export const jobStatusLabels: Record<JobStatus, string> = {
  OPEN: "Başvuruya açık",
  ASSIGNED: "Görevlendirildi",
  DONE: "Tamamlandı",
  CANCELLED: "İptal edildi",
  EXPIRED: "Süresi doldu",
};

export const applicationStatusLabels: Record<ApplicationStatus, string> = {
  PENDING: "Değerlendiriliyor",
  ACCEPTED: "Kabul edildi",
  REJECTED: "Reddedildi",
  WITHDRAWN: "Geri çekildi",
};

export const taskTypes = Object.keys(taskTypeLabels) as TaskType[];
export const urgencies = Object.keys(urgencyLabels) as Urgency[];

/** Law areas offered in the post form; free text is accepted too. */
export const lawAreas = [
  "Ceza Hukuku",
  "Aile Hukuku",
  "İş Hukuku",
  "Ticaret Hukuku",
  "İcra ve İflas Hukuku",
  "Gayrimenkul Hukuku",
  "İdare Hukuku",
  "Vergi Hukuku",
  "Tüketici Hukuku",
  "Sigorta Hukuku",
  "Miras Hukuku",
  "Borçlar Hukuku",
  "Fikri Mülkiyet Hukuku",
  "Diğer",
];
