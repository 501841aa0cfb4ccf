export const metadata = { title: "icp-validate compat", icons: { icon: "data:," } };

export default function RootLayout({ children }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  );
}
