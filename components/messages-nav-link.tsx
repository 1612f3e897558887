import Link from "next/link";

export function MessagesNavLink() {
  return (
    <Link className="nav-link" href="/mesajlar">
      Mesajlar
    </Link>
  );
}
