import styles from "@/components/chat/chat.module.css";

export function PresenceDot({ online }: { online: boolean }) {
  return <span className={styles.dot} data-testid="presence-dot" data-online={online} aria-label={online ? "çevrimiçi" : "çevrimdışı"} role="img" />;
}
