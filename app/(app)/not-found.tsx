import { NOT_FOUND, StatusMessage } from "@/components/shell/status-message";

// Inside the app's layout, which already has the page's <main>.
export default function NotFound() {
  return <StatusMessage {...NOT_FOUND} landmark="none" />;
}
