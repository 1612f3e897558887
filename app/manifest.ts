import type { MetadataRoute } from "next";

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Tevkil — avukatlar arası görev paylaşımı",
    short_name: "Tevkil",
    description: "Duruşma, dosya inceleme ve haciz işlerinizi meslektaşlarınıza devredin.",
    lang: "tr",
    start_url: "/panel",
    scope: "/",
    display: "standalone",
    background_color: "#f6f7f9",
    theme_color: "#1f3a68",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml" },
    ],
  };
}
