import sharp from "sharp";

/** A small PNG (a grey square). */
export function makePng(size = 32): Promise<Buffer> {
  return sharp({ create: { width: size, height: size, channels: 3, background: { r: 90, g: 90, b: 90 } } })
    .png()
    .toBuffer();
}

/** A JPEG carrying EXIF with a camera make and a GPS position. */
export function makeJpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 150, b: 100 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: "SpyCamMaker", Model: "Secret Model 9" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "39/1 1/1 30/1",
        GPSLongitudeRef: "W",
        GPSLongitude: "77/1 2/1 0/1",
      },
    })
    .toBuffer();
}

/** A minimal PDF; with `javascript` it carries an OpenAction that runs a script when rendered. */
export function makePdf(javascript = false): Buffer {
  const objects = [
    `<< /Type /Catalog /Pages 2 0 R${javascript ? " /OpenAction 4 0 R" : ""} >>`,
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
    "<< /Type /Action /S /JavaScript /JS (app.alert('pwned')) >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** Windows executable bytes ("MZ" header), whatever the file is called. */
export function makeExe(): Buffer {
  const b = Buffer.alloc(512, 0);
  b.write("MZ", 0, "latin1");
  b.writeUInt32LE(0x80, 0x3c);
  b.write("PE\0\0", 0x80, "latin1");
  return b;
}
