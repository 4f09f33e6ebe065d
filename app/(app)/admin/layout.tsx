import { requirePermission } from "@/lib/core/auth/session";
import { AdminNav } from "@/components/admin/admin-nav";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  // Each page checks its own permission too; this only keeps the sub-navigation private.
  await requirePermission("read:admin:any");
  return (
    <div className="space-y-6">
      <AdminNav />
      {children}
    </div>
  );
}
