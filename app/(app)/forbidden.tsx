import { FORBIDDEN, StatusMessage } from "@/components/shell/status-message";

// Inside the app's layout, which already has the page's <main>.
export default function Forbidden() {
  return <StatusMessage {...FORBIDDEN} landmark="none" />;
}
