"use client";

import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog; hidden from the printed page itself. */
export function PrintButton() {
  return (
    <Button type="button" className="print-hidden" onClick={() => window.print()}>
      Print the report
    </Button>
  );
}
