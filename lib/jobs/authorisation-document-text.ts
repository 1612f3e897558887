// The yetki belgesi's words, once: the PDF (lib/pdf) and the UDF (lib/udf) only lay these out, so the two
// formats cannot say different things.

export type DocumentParty = { fullName: string; title: string; barName: string; barNumber: string; tbbNumber: string | null };

export type AuthorisationDocumentData = {
  reference: string;
  issuedAt: string;
  grantor: DocumentParty;
  grantee: DocumentParty;
  courthouse: string;
  court: string | null;
  fileNumber: string | null;
  task: string;
  scheduledAt: string;
};

export type DocumentField = { label: string; value: string };

export type AuthorisationDocumentText = {
  title: string;
  meta: string;
  sections: { heading: string; fields: DocumentField[] }[];
  statement: string;
  signatures: { role: string; name: string; sign: string }[];
};

const partyFields = (p: DocumentParty): DocumentField[] => [
  { label: "Adı soyadı:", value: `${p.title} ${p.fullName}` },
  { label: "Bağlı olduğu baro:", value: p.barName },
  { label: "Baro sicil no:", value: p.barNumber },
  ...(p.tbbNumber ? [{ label: "TBB sicil no:", value: p.tbbNumber }] : []),
];

export function authorisationDocumentText(data: AuthorisationDocumentData): AuthorisationDocumentText {
  return {
    title: "YETKİ BELGESİ",
    meta: `Belge no: ${data.reference} · Düzenleme tarihi: ${data.issuedAt}`,
    sections: [
      { heading: "Yetki veren avukat", fields: partyFields(data.grantor) },
      { heading: "Yetki verilen avukat", fields: partyFields(data.grantee) },
      {
        heading: "Yetkinin konusu",
        fields: [
          { label: "Adliye:", value: data.courthouse },
          ...(data.court ? [{ label: "Mahkeme / daire:", value: data.court }] : []),
          { label: "Dosya no:", value: data.fileNumber ?? "—" },
          { label: "Görev:", value: data.task },
          { label: "Görev tarihi:", value: data.scheduledAt },
        ],
      },
    ],
    statement:
      "Yukarıda kimlik ve sicil bilgileri yazılı yetki veren avukat, vekili bulunduğu yukarıdaki dosyada yalnızca belirtilen " +
      "görevle sınırlı olmak üzere, yine yukarıda bilgileri yazılı yetki verilen avukata Avukatlık Kanunu ve Türkiye Barolar " +
      "Birliği Meslek Kuralları uyarınca yetki vermiştir. Yetki veren avukatın müvekkiline karşı sorumluluğu devam eder.",
    signatures: [
      { role: "Yetki veren avukat", name: `${data.grantor.title} ${data.grantor.fullName}`, sign: "İmza" },
      { role: "Yetki verilen avukat", name: `${data.grantee.title} ${data.grantee.fullName}`, sign: "İmza" },
    ],
  };
}
