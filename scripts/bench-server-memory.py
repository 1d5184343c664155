# Server memory with 10,000 stored reports: analyses the example once, copies its done job 9,999 times in
# the store, restarts the server and reads RSS before and after 2,000 random report fetches.
# Run from the repository root after swift build -c release (edit B for another binary).
import sqlite3, json, urllib.request, time, subprocess, os, uuid, random
B='.build/release/crosscheck'; DB='/tmp/mem10k.sqlite'; PORT=18081
env=dict(os.environ, XDG_DATA_HOME='/tmp/emptyxdg')
for f in [DB, DB+'-wal', DB+'-shm']:
    if os.path.exists(f): os.remove(f)
subprocess.run([B,'users','add','bench','--role','analyst','--db',DB],env=env,check=True,capture_output=True)
T=subprocess.run([B,'users','token','bench','--db',DB],env=env,check=True,capture_output=True,text=True).stdout.strip()
def req(path, data=None, ctype=None):
    r=urllib.request.Request(f'http://127.0.0.1:{PORT}{path}', data=data, headers={'Authorization':'Bearer '+T, **({'Content-Type':ctype} if ctype else {})})
    return urllib.request.urlopen(r).read()
def serve():
    p=subprocess.Popen([B,'serve','--port',str(PORT),'--db',DB],env=env,stderr=subprocess.DEVNULL)
    for _ in range(100):
        try: urllib.request.urlopen(f'http://127.0.0.1:{PORT}/health'); break
        except Exception: time.sleep(0.2)
    return p
def rss(p): return int(open(f'/proc/{p.pid}/status').read().split('VmRSS:')[1].split()[0])//1024
p=serve()
job=json.loads(req('/api/v1/articles', open('Examples/harbour-bridge.html','rb').read(), 'text/html'))['id']
while json.loads(req(f'/api/v1/jobs/{job}'))['state']!='done': time.sleep(0.2)
p.terminate(); p.wait()
con=sqlite3.connect(DB)
row=con.execute("select * from analysisJob where id=?", (job,)).fetchone()
cols=[d[0] for d in con.execute("select * from analysisJob limit 1").description]
ids=[]
for i in range(9999):
    r=list(row); r[cols.index('id')]=str(uuid.uuid4()); r[cols.index('position')]=i+2; ids.append(r[0])
    con.execute(f"insert into analysisJob ({','.join(cols)}) values ({','.join('?'*len(cols))})", r)
con.commit()
print('jobs stored:', con.execute("select count(*) from analysisJob where state='done'").fetchone()[0], 'file MB', os.path.getsize(DB)//2**20)
p=serve(); time.sleep(1)
print('RSS after start with 10,000 stored reports: %d MB' % rss(p))
t=time.time()
for i in range(2000): req(f'/api/v1/jobs/{random.choice(ids)}/report')
print('2,000 random report fetches (one client): %.0f/s' % (2000/(time.time()-t)))
print('RSS after: %d MB' % rss(p))
req('/api/v1/jobs?limit=500'); print('RSS after listing 500 jobs: %d MB' % rss(p))
open('/tmp/mem10k.token','w').write(T); open('/tmp/mem10k.ids','w').write('\n'.join(ids))
p.terminate(); p.wait(); print('exit', p.returncode)
