/** Taking, showing and viewing photos. */
export const zh = {
  open: '查看照片：{name}',
  unavailable: '照片不在本机上，联网后可查看',
  viewer: '照片 {n} / {total}',
  close: '关闭',
  number: '照片 {n}',
  previous: '上一张',
  next: '下一张',
  required: '（必须拍照）',
  takePhoto: '拍照',
  fromGallery: '从相册选',
  processing: '正在处理照片…',
  failed: '这张照片无法读取，请重拍。',
  remove: '删除照片 {n}',
};

export const en: typeof zh = {
  open: 'Open photo: {name}',
  unavailable: 'This photo is not on this phone; it can be seen with a network',
  viewer: 'Photo {n} of {total}',
  close: 'Close',
  number: 'Photo {n}',
  previous: 'Previous photo',
  next: 'Next photo',
  required: '(required)',
  takePhoto: 'Take a photo',
  fromGallery: 'From the gallery',
  processing: 'Processing the photo…',
  failed: 'This photo could not be read. Take it again.',
  remove: 'Delete photo {n}',
};

declare module '../messages' {
  interface AreaMessages {
    photo: typeof zh;
  }
}
