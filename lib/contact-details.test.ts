import { describe, expect, it } from "vitest";
import { contactDetailMessage, findContactDetail } from "@/lib/contact-details";

const phones = [
  "Beni 0532 123 45 67 numarasından arayın",
  "05321234567",
  "0532-123-45-67",
  "0532.123.45.67",
  "tel: 0 532 123 45 67",
  "+90 532 123 45 67",
  "+905321234567",
  "0090 532 123 4567",
  "90 532 123 45 67 ara",
  "532 123 45 67",
  "5321234567",
  "(0532) 123 45 67",
  "0 (212) 123 45 67 ofis",
  "0212 123 45 67",
  "+90 (212) 123-45-67",
  "0 5 3 2 1 2 3 4 5 6 7",
  "0-5-3-2-1-2-3-4-5-6-7",
  "0850 123 45 67",
  "Adliye önünde beklerim, 0(505)1234567",
  "Dosya 2024/123 Esas, irtibat 0 542 765 43 21",
  "0312 – 444 55 66",
];

const emails = [
  "ahmet@example.com",
  "Av. Ayşe: ayse.yilmaz@hukuk.av.tr adresine yazın",
  "büro@avukatlık.com.tr",
  "ad [at] alan nokta com",
  "ad (at) alan (dot) com",
  "ahmet [at] gmail [nokta] com",
  "ahmet @ gmail . com",
  "ahmet at gmail nokta com",
];

const ibans = [
  "TR33 0006 1005 1978 6457 8413 26",
  "TR330006100519786457841326",
  "tr33 0006 1005 1978 6457 8413 26",
  "Ücreti TR33-0006-1005-1978-6457-8413-26 hesabına yatırın",
];

const clean = [
  "2024/123 Esas sayılı dosyada duruşma",
  "İstanbul 12. Asliye Hukuk Mahkemesi 2023/4567 E., 2024/89 K.",
  "Duruşma 12.03.2025 saat 10:30'da",
  "Duruşma 05.12.2025 14:30",
  "Tarih: 01.02.2025 - 03.04.2025 arası",
  "Ücret 3.500 TL, masraflar dahil",
  "Toplam 12.500,00 TL ödenecek",
  "5.000 TL ile 7.500 TL arasında",
  "TC kimlik no 12345678901 olan müvekkil",
  "Sanık T.C. 52345678901",
  "Mahkeme dosya no 2025/1234567",
  "İcra dairesi 2024/98765 Tlk.",
  "Saat 09.30 ile 11.00 arası, 3. kat 305 nolu oda",
  "Kayseri 2. Ağır Ceza, 10 sanık, 25 tanık",
  "UYAP'tan evrak: 1, 2, 3 ve 4 numaralı belgeler",
  "Dilekçe 15 sayfa, 2 ek, 2025 yılı",
  "Adres: Çağlayan Adliyesi C Blok Kat 9 No 123",
  "Vekâletname @ ekte",
  "Haciz 20.01.2026 günü saat 09:00",
  "Dosyayı inceleyip fotokopi alınız, ücret 1.500 TL",
  "Müvekkil şirket vergi no 1234567890",
];

describe("findContactDetail", () => {
  it.each(phones)("finds a phone number in %j", (text) => {
    expect(findContactDetail(text)?.kind).toBe("phone");
  });
  it.each(emails)("finds an e-mail address in %j", (text) => {
    expect(findContactDetail(text)?.kind).toBe("email");
  });
  it.each(ibans)("finds an IBAN in %j", (text) => {
    expect(findContactDetail(text)?.kind).toBe("iban");
  });
  it.each(clean)("leaves %j alone", (text) => {
    expect(findContactDetail(text)).toBeNull();
  });

  it("returns the matched text, so the refusal can quote it", () => {
    expect(findContactDetail("Arayın: 0532 123 45 67, teşekkürler")?.text).toBe("0532 123 45 67");
    expect(findContactDetail("yazın ahmet@example.com")?.text).toBe("ahmet@example.com");
  });

  it("words the refusal in Turkish, naming what was found and why", () => {
    const found = findContactDetail("0532 123 45 67")!;
    const message = contactDetailMessage(found, "Açıklamada");
    expect(message).toContain("Açıklamada bir telefon numarası var");
    expect(message).toContain("Görevlendirme yapılana kadar");
  });
});
