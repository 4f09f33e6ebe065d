import { NOT_FOUND, StatusMessage } from "@/components/shell/status-message";

export default function NotFound() {
  return <StatusMessage {...NOT_FOUND} landmark="main" />;
}
