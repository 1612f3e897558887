import { describe, expect, it } from "vitest";
import { turkishSearchQuery, wantsWebSearchSyntax } from "@/lib/jobs/turkish-search-query";

describe("turkishSearchQuery", () => {
  it("makes every word a prefix term, with the elided form where Turkish drops a vowel", () => {
    expect(turkishSearchQuery("haciz")).toBe("(haciz:* | hacz:*)");
    expect(turkishSearchQuery("Keşif inceleme")).toBe("(keşif:* | keşf:*) & (inceleme:*)");
    expect(turkishSearchQuery("İcra")).toBe("(icra:*)");
  });

  it("searches a proper noun without the suffix after its apostrophe", () => {
    // the elided form of a word that has none ("izmr") finds nothing more: the rule is applied blindly and cheaply
    expect(turkishSearchQuery("İzmir'de haciz")).toBe("(izmir:* | izmr:*) & (haciz:* | hacz:*)");
    expect(turkishSearchQuery("Yargıtay’ın")).toBe("(yargıtay:*)");
  });

  it("lets nothing but letters and digits into the query syntax", () => {
    expect(turkishSearchQuery("a:* | b & !c <-> d')")).toBe("(a:*) & (b:*) & (c:*) & (d:*)");
    expect(turkishSearchQuery(" ::: ")).toBeNull();
    expect(turkishSearchQuery("2026/123 E.")).toBe("(2026:*) & (123:*) & (e:*)");
  });

  it("leaves quotes and exclusions to the web search syntax", () => {
    expect(wantsWebSearchSyntax('"dosya inceleme"')).toBe(true);
    expect(wantsWebSearchSyntax("duruşma -ceza")).toBe(true);
    expect(wantsWebSearchSyntax("sulh-ceza duruşma")).toBe(false);
  });
});
