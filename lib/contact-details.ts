// Finds contact details (phone numbers, e-mail addresses, IBANs) in free text, so that a job post or a message
// sent before an assignment can be refused (docs/marketplace.md, "Contact details, fair dealing and the dispute
// desk"). Tuned against what tevkil texts are full of and must pass: file numbers ("2024/123 Esas"), dates and
// times, fees ("3.500 TL") and 11-digit TC-like numbers.

export type ContactDetailKind = "phone" | "email" | "iban";
export type ContactDetail = { kind: ContactDetailKind; text: string };

// TR, two check digits and 22 more, in any grouping of spaces or dashes
const IBAN = /\bTR(?:[ \t-]?\d){24}(?!\d)/i;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
// "ad [at] alan nokta com", "ad (at) alan (dot) com.tr", "ad @ alan . com": the "at" needs brackets or "@",
// the dot may be written out
const AT = String.raw`\s*(?:[\[({<]\s*(?:at|et|@)\s*[\])}>]|@|(?<=\s)at(?=\s))\s*`;
const DOT = String.raw`\s*(?:[\[({<]\s*(?:nokta|dot)\s*[\])}>]|\bnokta\b|\bdot\b|\.)\s*`;
const TLD = String.raw`(?:com|net|org|edu|gov|av|bel|info|io|tr)\b`;
const SPELLED_EMAIL = new RegExp(String.raw`[\p{L}\p{N}._-]+${AT}[\p{L}\p{N}-]+(?:${DOT}[\p{L}\p{N}-]+)*?${DOT}${TLD}`, "iu");

// a run of digit groups joined by phone punctuation; ":" (times), "/" (file numbers) and "," (amounts) end a run
const DIGIT_RUN = /(?:\+|\b00)?\d+(?:[ \t\u00a0.\-–()]{1,3}\d+)*/g;

/** Whether a digit string, as a whole, is a Turkish phone number. */
function isPhoneDigits(digits: string, grouped: boolean): boolean {
  let national = digits;
  if (/^(?:00)?90[2-58]\d{9}$/.test(national)) national = national.replace(/^(?:00)?90/, "0");
  if (/^0[2-58]\d{9}$/.test(national)) return true; // 05xx… mobile, 0212… landline, 0850…
  // without the leading 0 only a mobile (5xx) is common enough to be sure of, and a bare run of ten digits
  // starting with 5 is one; a grouped one must look like 3+3+2+2 or 3+3+4 or 3+7
  return /^5\d{9}$/.test(national) && (grouped || digits.length === 10);
}

/** The phone number in a run of digit groups, trying every group it could start at. */
function phoneInRun(run: string): string | null {
  const groups = [...run.matchAll(/\d+/g)].map((m) => ({ digits: m[0], index: m.index }));
  for (let start = 0; start < groups.length; start++) {
    let digits = "";
    for (let end = start; end < groups.length && digits.length < 14; end++) {
      digits += groups[end].digits;
      if (digits.length >= 10 && isPhoneDigits(digits, end > start)) {
        return run.slice(groups[start].index, groups[end].index + groups[end].digits.length);
      }
    }
  }
  return null;
}

/** The first contact detail in the text, or null. */
export function findContactDetail(text: string): ContactDetail | null {
  const iban = IBAN.exec(text);
  if (iban) return { kind: "iban", text: iban[0] };
  const email = EMAIL.exec(text) ?? SPELLED_EMAIL.exec(text);
  if (email) return { kind: "email", text: email[0] };
  for (const match of text.matchAll(DIGIT_RUN)) {
    const phone = phoneInRun(match[0]);
    if (phone) return { kind: "phone", text: phone };
  }
  return null;
}

const KIND_LABELS: Record<ContactDetailKind, string> = {
  phone: "bir telefon numarası",
  email: "bir e-posta adresi",
  iban: "bir IBAN",
};

/** The Turkish refusal for a text holding a contact detail (the sender keeps their text and can fix it). */
export function contactDetailMessage(found: ContactDetail, where: string): string {
  return `${where} ${KIND_LABELS[found.kind]} var ("${found.text.trim()}"). Görevlendirme yapılana kadar iletişim bilgileri platform dışına taşınmaz; lütfen bu kısmı çıkarın. Görevlendirmeden sonra iletişim bilgileri ilan sayfasında görünür ve mesajlarda paylaşılabilir.`;
}
