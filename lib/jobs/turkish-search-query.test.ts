import { describe, expect, it } from "vitest";
import { foldTurkish, turkishSearchWords, wantsWebSearchSyntax } from "@/lib/jobs/turkish-search-query";

const turkish = (text: string) => turkishSearchWords(text).map((w) => w.turkish);

describe("turkishSearchWords", () => {
  it("makes every word a prefix term, with the elided form where Turkish drops a vowel", () => {
    expect(turkish("haciz")).toEqual(["(haciz:* | hacz:*)"]);
    expect(turkish("Keşif inceleme")).toEqual(["(keşif:* | keşf:*)", "(inceleme:*)"]);
    expect(turkish("İcra")).toEqual(["(icra:*)"]);
  });

  it("searches a proper noun without the suffix after its apostrophe", () => {
    // the elided form of a word that has none ("izmr") finds nothing more: the rule is applied blindly and cheaply
    expect(turkish("İzmir'de haciz")).toEqual(["(izmir:* | izmr:*)", "(haciz:* | hacz:*)"]);
    expect(turkish("Yargıtay’ın")).toEqual(["(yargıtay:*)"]);
  });

  it("folds Turkish letters and both i's for a keyboard without them, in the folded and plain forms", () => {
    expect(turkishSearchWords("Karşıyaka İZMİR ISPARTA")).toEqual([
      { turkish: "(karşıyaka:*)", folded: "karsiyaka:*", plain: "karsiyaka" },
      { turkish: "(izmir:* | izmr:*)", folded: "izmir:*", plain: "izmir" },
      { turkish: "(ısparta:*)", folded: "isparta:*", plain: "isparta" },
    ]);
    expect(foldTurkish("Çağrı Güneş Öztürk Âşık")).toBe("cagri gunes ozturk asik");
  });

  it("lets nothing but letters and digits into the query syntax", () => {
    expect(turkish("a:* | b & !c <-> d')")).toEqual(["(a:*)", "(b:*)", "(c:*)", "(d:*)"]);
    expect(turkishSearchWords(" ::: ")).toEqual([]);
    expect(turkish("2026/123 E.")).toEqual(["(2026:*)", "(123:*)", "(e:*)"]);
  });

  it("leaves quotes and exclusions to the web search syntax", () => {
    expect(wantsWebSearchSyntax('"dosya inceleme"')).toBe(true);
    expect(wantsWebSearchSyntax("duruşma -ceza")).toBe(true);
    expect(wantsWebSearchSyntax("sulh-ceza duruşma")).toBe(false);
  });
});
